import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { CheckpointWorkerData, CheckpointWorkerMessage } from './wal-checkpoint.worker.js';

// Running from TypeScript (tsx: tests, development) or from the compiled bundle, where the
// build writes the worker beside the server's other files.
const WORKER_FILE = new URL(
  `./wal-checkpoint.worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`,
  import.meta.url,
);

/** How often the worker folds the WAL into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;
/** WAL frames (pages, 4 KB) past which writers are made to wait for a full checkpoint: 32 MB. */
const HIGH_WATER_FRAMES = 8192;

export interface WalCheckpointer {
  /** Folds the whole WAL into the database (after the serving connection closed) and ends. */
  stop(): Promise<void>;
}

/**
 * Issue 25: SQLite's automatic checkpoint runs inside the commit that crosses 1,000 WAL pages,
 * synchronously (better-sqlite3), and syncs the database file: on a busy disk every request of
 * the process waited for it. The serving connection is opened with `wal_autocheckpoint = 0` and
 * this worker thread checkpoints instead. Durability is unchanged: a checkpoint syncs the WAL
 * before and the database file after, whichever connection runs it (durable-commits.ts).
 */
export function startWalCheckpointer(file: string, log?: Pick<Logger, 'warn'>): WalCheckpointer {
  const worker = new Worker(WORKER_FILE, {
    workerData: {
      file,
      intervalMs: CHECKPOINT_INTERVAL_MS,
      highWaterFrames: HIGH_WATER_FRAMES,
    } satisfies CheckpointWorkerData,
  });
  // A process that ends without closing its database is not held open by this thread.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: CheckpointWorkerMessage) => {
    if (message.type === 'error') log?.warn({ error: message.message }, 'WAL checkpoint failed');
  });
  worker.on('error', (err) => log?.warn({ err }, 'the WAL checkpointer stopped'));
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        // Held by it from now on: the last checkpoint must finish before the process ends.
        worker.ref();
        worker.postMessage('stop');
        await exited;
      })();
      return stopping;
    },
  };
}
