/**
 * A load-generator process (forked by load-runner.ts): runs the recorders it is given and
 * reports back over IPC. Kept apart from the server so its CPU and memory are not the server's.
 */
import { chunkSender } from './chunk-senders.js';
import { recorderAgent } from './http-client.js';
import { loopDelayMs, startLoopMonitor } from './loop-delay.js';
import { makePayloadPool } from './payloads.js';
import { LoadTally, runRecorder } from './recorder.js';
import type { LoadPlan, LoadWorkerReport } from './types.js';

/** How long after the last chunk was due a slow server may still take. */
const GRACE_MS = 30_000;

async function run(plan: LoadPlan): Promise<LoadWorkerReport> {
  const pool = makePayloadPool(plan.chunkBytes);
  const tally = new LoadTally();
  // performance.now() in this process at the shared epoch start time.
  const startMs = plan.startAtEpochMs - performance.timeOrigin;
  const deadlineMs = startMs + plan.seconds * 1000 + GRACE_MS;
  const loop = startLoopMonitor();
  const cpuBefore = process.cpuUsage();
  const outcomes = await Promise.all(
    plan.targets.map((target) =>
      runRecorder(
        chunkSender(target, recorderAgent(), pool),
        {
          startMs,
          phaseMs: Math.random() * 1000,
          seconds: plan.seconds,
          jitterMs: plan.jitterMs,
          chunkBytes: plan.chunkBytes,
          deadlineMs,
        },
        tally,
      ),
    ),
  );
  loop.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = Math.max(1, performance.now() - startMs);
  return {
    outcomes,
    latenciesMs: tally.latenciesMs,
    ackedBytes: tally.ackedBytes,
    lastAckEpochMs: performance.timeOrigin + tally.lastAckMs,
    errors: tally.errors,
    errorSamples: [...tally.errorSamples],
    unsent: tally.unsent,
    generatorLoopP99Ms: loopDelayMs(loop.percentile(99)),
    generatorCpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
  };
}

process.once('message', (plan: LoadPlan) => {
  run(plan).then(
    (report) => process.send?.(report, () => process.exit(0)),
    (err: unknown) => {
      console.error('load worker failed:', err);
      process.exit(1);
    },
  );
});
