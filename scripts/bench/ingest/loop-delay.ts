import { monitorEventLoopDelay } from 'node:perf_hooks';

type IntervalHistogram = ReturnType<typeof monitorEventLoopDelay>;

const RESOLUTION_MS = 10;

/** An event-loop delay histogram sampling every 10 ms. */
export function startLoopMonitor(): IntervalHistogram {
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loop.enable();
  return loop;
}

/**
 * How late the event loop was, in ms. Node's histogram records the whole timer interval, so an
 * idle loop reads 10 ms at a 10 ms resolution; the part beyond that is the delay.
 */
export function loopDelayMs(recordedNanoseconds: number): number {
  return Math.max(0, recordedNanoseconds / 1e6 - RESOLUTION_MS);
}
