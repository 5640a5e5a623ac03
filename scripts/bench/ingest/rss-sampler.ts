import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of a process in MB, from /proc (0 once it is gone). */
export function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/**
 * Samples the summed VmRSS of some processes every `intervalMs` (200 ms: short enough to catch
 * a burst that the garbage collector clears within a second).
 */
export class RssSampler {
  private peakMb = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: number[],
    intervalMs = 200,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    const total = this.pids.reduce((sum, pid) => sum + residentMb(pid), 0);
    this.peakMb = Math.max(this.peakMb, total);
  }

  /** Stops sampling; returns the peak of the sum. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakMb;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; 0 once gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: count fields from the ')' that closes it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return 0;
  }
}

/** Pids of the processes whose command line contains `text` (e.g. a database's name). */
export function pidsWithCommandLine(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}
