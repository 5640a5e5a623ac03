import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProbeSample } from './process-probe.js';

/** What the probes inside the measured processes saw during the load window. */
export interface ProbeSummary {
  /** Worst one-second p99 event-loop delay of any measured process. */
  loopP99Ms: number;
  loopMaxMs: number;
  /** CPU of the measured processes together, % of one core, averaged over the window. */
  cpuPercent: number;
  /** The kernel's part of cpuPercent (system calls: sockets, files, fsync). */
  systemCpuPercent: number;
  /** Largest heap and Buffer memory seen (summed over processes per second). */
  heapUsedMb: number;
  arrayBuffersMb: number;
  /** Longest garbage-collection pause, and GC's share of the window (% of wall time). */
  gcMaxMs: number;
  gcPercent: number;
}

export async function summarizeProbes(
  probeDir: string,
  pids: number[],
  window: { fromEpochMs: number; toEpochMs: number },
): Promise<ProbeSummary> {
  const summary: ProbeSummary = {
    loopP99Ms: 0,
    loopMaxMs: 0,
    cpuPercent: 0,
    systemCpuPercent: 0,
    heapUsedMb: 0,
    arrayBuffersMb: 0,
    gcMaxMs: 0,
    gcPercent: 0,
  };
  for (const pid of pids) {
    const samples = (await readSamples(join(probeDir, `${pid}.jsonl`))).filter(
      (s) => s.epochMs >= window.fromEpochMs && s.epochMs <= window.toEpochMs + 1000,
    );
    const first = samples[0];
    const last = samples.at(-1);
    if (!first || !last) continue;
    let gcTotalMs = 0;
    for (const s of samples) {
      summary.loopP99Ms = Math.max(summary.loopP99Ms, s.loopP99Ms);
      summary.loopMaxMs = Math.max(summary.loopMaxMs, s.loopMaxMs);
      summary.gcMaxMs = Math.max(summary.gcMaxMs, s.gcMaxMs);
      gcTotalMs += s.gcTotalMs;
    }
    summary.gcPercent = Math.max(summary.gcPercent, (gcTotalMs / (samples.length * 1000)) * 100);
    const spanMs = last.epochMs - first.epochMs;
    if (spanMs > 0) {
      summary.cpuPercent += ((last.cpuMs - first.cpuMs) / spanMs) * 100;
      summary.systemCpuPercent +=
        (((last.systemCpuMs ?? 0) - (first.systemCpuMs ?? 0)) / spanMs) * 100;
    }
    summary.heapUsedMb += Math.max(...samples.map((s) => s.heapUsedMb));
    summary.arrayBuffersMb += Math.max(...samples.map((s) => s.arrayBuffersMb));
  }
  return summary;
}

async function readSamples(file: string): Promise<ProbeSample[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ProbeSample);
}
