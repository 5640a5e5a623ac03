import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './instrumented-process.js';
import type { LoadPlan, LoadWorkerReport, RecorderOutcome, RecorderTarget } from './types.js';

const WORKER_ENTRY = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

export interface LoadResult {
  /** In the order of the targets given. */
  outcomes: RecorderOutcome[];
  reports: LoadWorkerReport[];
  startAtEpochMs: number;
}

/**
 * Splits the recorders over `workers` forked processes and runs them all from one shared start
 * time (a few seconds ahead, so every worker is ready and the first second is not a burst).
 */
export async function runLoad(
  targets: RecorderTarget[],
  options: { workers: number; seconds: number; chunkBytes: number; jitterMs: number },
): Promise<LoadResult> {
  const workers = Math.max(1, Math.min(options.workers, targets.length));
  const shares = Array.from({ length: workers }, (_, w) =>
    targets.filter((_target, i) => i % workers === w),
  );
  const startAtEpochMs = Date.now() + 4000;
  const reports = await Promise.all(
    shares.map((share) =>
      runWorker({
        targets: share,
        seconds: options.seconds,
        chunkBytes: options.chunkBytes,
        startAtEpochMs,
        jitterMs: options.jitterMs,
      }),
    ),
  );
  // Undo the round-robin split so outcomes line up with targets again.
  const outcomes = targets.map(
    (_target, i) => reports[i % workers]!.outcomes[Math.floor(i / workers)]!,
  );
  return { outcomes, reports, startAtEpochMs };
}

function runWorker(plan: LoadPlan): Promise<LoadWorkerReport> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER_ENTRY, {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: LoadWorkerReport | null = null;
    child.once('message', (message: LoadWorkerReport) => {
      report = message;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      report ? resolve(report) : reject(new Error(`a load worker exited with code ${code}`)),
    );
    child.send(plan);
  });
}
