/**
 * The WAL checkpointer's thread (wal-checkpointer.ts): its own connection to the database file,
 * a PASSIVE checkpoint every few hundred milliseconds (it never waits for, nor blocks, the
 * serving connection), and at shutdown a TRUNCATE that folds the whole WAL into the database.
 * A PASSIVE checkpoint never catches up with a writer faster than it, and the WAL would grow
 * without end: past `highWaterFrames` a RESTART makes the writer wait (its busy timeout) until
 * the WAL is folded in and starts over. That is the back-pressure the automatic checkpoint gave,
 * now only when writes outrun the disk.
 * A checkpoint syncs the database file; on a busy disk that takes long, and here it does not
 * hold up the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

export interface CheckpointWorkerData {
  file: string;
  intervalMs: number;
  highWaterFrames: number;
}

export type CheckpointWorkerMessage =
  | { type: 'error'; message: string }
  | { type: 'stopped'; walFrames: number };

const { file, intervalMs, highWaterFrames } = workerData as CheckpointWorkerData;
const port = parentPort!;
const db = new SQLite(file);
// A RESTART or the shutdown TRUNCATE waits this long for readers and the writer to finish.
db.pragma('busy_timeout = 5000');

function checkpoint(mode: 'PASSIVE' | 'RESTART' | 'TRUNCATE'): { log: number } {
  return (db.pragma(`wal_checkpoint(${mode})`) as { log: number }[])[0]!;
}

const timer = setInterval(() => {
  try {
    if (checkpoint('PASSIVE').log >= highWaterFrames) checkpoint('RESTART');
  } catch (err) {
    port.postMessage({
      type: 'error',
      message: (err as Error).message,
    } satisfies CheckpointWorkerMessage);
  }
}, intervalMs);

port.on('message', (message: 'stop') => {
  if (message !== 'stop') return;
  clearInterval(timer);
  let walFrames = -1;
  try {
    walFrames = checkpoint('TRUNCATE').log;
  } catch (err) {
    port.postMessage({
      type: 'error',
      message: (err as Error).message,
    } satisfies CheckpointWorkerMessage);
  }
  db.close();
  port.postMessage({ type: 'stopped', walFrames } satisfies CheckpointWorkerMessage);
  port.close();
});
