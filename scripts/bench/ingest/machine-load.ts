import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy and total CPU time of the whole machine so far, in USER_HZ ticks, from /proc/stat. */
export function machineCpuTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  // idle and iowait are the fields that are not work.
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

/** Cores' worth of CPU the whole machine used between two readings. */
export function coresBusy(
  before: ReturnType<typeof machineCpuTicks>,
  after: ReturnType<typeof machineCpuTicks>,
  wallSeconds: number,
): number {
  return (after.busy - before.busy) / 100 / wallSeconds;
}

/**
 * This machine is shared: waits (up to `maxWaitMs`) for a 5-second stretch in which it uses less
 * than `maxCores` of CPU, so a run does not start in the middle of someone's test suite.
 * Returns the cores busy in the last stretch measured.
 */
export async function waitForQuietMachine(maxCores: number, maxWaitMs: number): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const before = machineCpuTicks();
    await sleep(5000);
    const busy = coresBusy(before, machineCpuTicks(), 5);
    if (busy < maxCores || Date.now() > deadline) return busy;
  }
}
