import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DiskCondition, type DiskWriter, startBusyDisk } from './busy-disk.js';
import type { Instrumentation } from './instrumented-process.js';
import { type LoadResult, runLoad } from './load-runner.js';
import { coresBusy, machineCpuTicks, waitForQuietMachine } from './machine-load.js';
import { summarizeProbes } from './probe-summary.js';
import { cpuSeconds, RssSampler, residentMb } from './rss-sampler.js';
import { percentile, sortedCopy } from './stats.js';
import type { RecorderTarget, SystemUnderTest } from './types.js';

/** One line of the results table: one setup under one load. */
export interface IngestRow {
  setup: string;
  recorders: number;
  seconds: number;
  /** Whether the busy-disk writer ran during the load (absent from rows measured before it). */
  disk?: DiskCondition;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Acknowledged payload, MB (10^6 bytes) per second of the load window. */
  ackedMBps: number;
  /** What full speed would be: every recorder's chunk every second. */
  offeredMBps: number;
  peakRssMb: number;
  idleRssMb: number;
  errors: number;
  lost: number;
  unsent: number;
  serverCpuPercent: number;
  /** The kernel's share of serverCpuPercent (absent from rows measured before it was added). */
  serverSystemCpuPercent?: number;
  /** Server CPU time per acknowledged chunk: the cost of one chunk, whatever else ran. */
  serverCpuMsPerChunk: number;
  serverLoopP99Ms: number;
  /** Worst loop delay, and the longest GC pause, of any measured process (absent in old rows). */
  serverLoopMaxMs?: number;
  serverGcMaxMs?: number;
  /** Share of wall time in GC pauses, the worst process. */
  serverGcPercent?: number;
  serverArrayBuffersMb: number;
  generatorCpuPercent: number;
  generatorLoopP99Ms: number;
  /** The whole machine's CPU use during the load, in cores (of 2): it is shared with others. */
  machineBusyCores: number;
  /** Cores busy in the 5 s before the load began: what other people's work was using. */
  busyBeforeCores: number;
  /** CPU % (of one core) of the setup's other processes during the load, by name. */
  supportCpuPercent: Record<string, number>;
  errorSamples: string[];
}

export interface MeasureOptions {
  recorders: number;
  seconds: number;
  chunkBytes: number;
  jitterMs: number;
  generatorProcesses: number;
  /** Write CPU profiles of the measured processes here (kept after the run). */
  cpuProfileDir?: string;
  /** Before the load, wait up to `quietWaitMs` for the machine to use under `quietCores`. */
  quietCores: number;
  quietWaitMs: number;
  /** 'busy': the busy-disk writer (busy-disk.ts) runs while the load does; default quiet. */
  disk?: DiskCondition;
}

type StartSetup = (instrumentation: Instrumentation) => Promise<SystemUnderTest>;

/** Starts a fresh system, sets up the recorders, drives the load, checks for loss, tears down. */
export async function measure(start: StartSetup, options: MeasureOptions): Promise<IngestRow> {
  const probeDir = await mkdtemp(join(tmpdir(), 'ingest-probe-'));
  const system = await start({ probeDir, cpuProfileDir: options.cpuProfileDir });
  try {
    const plan = { seconds: options.seconds, chunkBytes: options.chunkBytes };
    const targets = await system.prepare(options.recorders, plan);
    const observed = await observeLoad(system, targets, options);
    const lost = await system.countLost(targets, observed.load.outcomes, options.chunkBytes);
    return await toRow(system, options, observed, lost, probeDir);
  } finally {
    await system.stop();
    await rm(probeDir, { recursive: true, force: true });
    // Gigabytes of dirty pages left by this run would slow the next run's fsyncs.
    spawnSync('sync');
  }
}

interface ObservedLoad {
  load: LoadResult;
  idleRssMb: number;
  peakRssMb: number;
  busyBeforeCores: number;
  machineBusyCores: number;
  supportCpuPercent: Record<string, number>;
}

/** Runs the load while watching memory, the machine and the setup's helper processes. */
async function observeLoad(
  system: SystemUnderTest,
  targets: RecorderTarget[],
  options: MeasureOptions,
): Promise<ObservedLoad> {
  const pids = system.ingestPids;
  const idleRssMb = pids.reduce((sum, pid) => sum + residentMb(pid), 0);
  const busyBeforeCores = await waitForQuietMachine(options.quietCores, options.quietWaitMs);
  // After the wait for a quiet machine (the writer would keep it from ever being quiet).
  const writer: DiskWriter | null = options.disk === 'busy' ? startBusyDisk() : null;
  const sampler = new RssSampler(pids);
  const machineBefore = machineCpuTicks();
  const supportBefore = supportCpu(system.supportProcesses());
  const fromMs = Date.now();
  let load: LoadResult;
  try {
    load = await runLoad(targets, {
      workers: options.generatorProcesses,
      seconds: options.seconds,
      chunkBytes: options.chunkBytes,
      jitterMs: options.jitterMs,
    });
  } finally {
    await writer?.stop();
  }
  const peakRssMb = sampler.stop();
  const seconds = (Date.now() - fromMs) / 1000;
  const supportAfter = supportCpu(system.supportProcesses());
  const supportCpuPercent = Object.fromEntries(
    Object.entries(supportAfter).map(([name, after]) => {
      const before = supportBefore[name] ?? new Map<number, number>();
      // A process born during the load counts from zero; one that ended is not counted.
      let used = 0;
      for (const [pid, cpu] of after) used += Math.max(0, cpu - (before.get(pid) ?? 0));
      return [name, (used / seconds) * 100];
    }),
  );
  return {
    load,
    idleRssMb,
    peakRssMb,
    busyBeforeCores,
    machineBusyCores: coresBusy(machineBefore, machineCpuTicks(), seconds),
    supportCpuPercent,
  };
}

async function toRow(
  system: SystemUnderTest,
  options: MeasureOptions,
  observed: ObservedLoad,
  lost: number,
  probeDir: string,
): Promise<IngestRow> {
  const { reports, startAtEpochMs } = observed.load;
  const lastAck = Math.max(...reports.map((r) => r.lastAckEpochMs));
  const windowS = Math.max(1, lastAck - startAtEpochMs) / 1000;
  const probes = await summarizeProbes(probeDir, system.ingestPids, {
    fromEpochMs: startAtEpochMs,
    toEpochMs: lastAck,
  });
  const latencies = sortedCopy(reports.flatMap((r) => r.latenciesMs));
  const ackedBytes = reports.reduce((sum, r) => sum + r.ackedBytes, 0);
  const chunksPerSecond = ackedBytes / options.chunkBytes / windowS;
  return {
    setup: system.label,
    recorders: options.recorders,
    seconds: options.seconds,
    disk: options.disk ?? 'quiet',
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
    ackedMBps: ackedBytes / 1e6 / windowS,
    offeredMBps: (options.recorders * options.chunkBytes) / 1e6,
    peakRssMb: observed.peakRssMb,
    idleRssMb: observed.idleRssMb,
    errors: reports.reduce((sum, r) => sum + r.errors, 0),
    lost,
    unsent: reports.reduce((sum, r) => sum + r.unsent, 0),
    serverCpuPercent: probes.cpuPercent,
    serverSystemCpuPercent: probes.systemCpuPercent,
    // % of a core is ms of CPU per 10 ms; per second that is cpuPercent × 10 ms.
    serverCpuMsPerChunk: (probes.cpuPercent * 10) / Math.max(1e-9, chunksPerSecond),
    serverLoopP99Ms: probes.loopP99Ms,
    serverLoopMaxMs: probes.loopMaxMs,
    serverGcMaxMs: probes.gcMaxMs,
    serverGcPercent: probes.gcPercent,
    serverArrayBuffersMb: probes.arrayBuffersMb,
    generatorCpuPercent: Math.max(...reports.map((r) => r.generatorCpuPercent)),
    generatorLoopP99Ms: Math.max(...reports.map((r) => r.generatorLoopP99Ms)),
    machineBusyCores: observed.machineBusyCores,
    busyBeforeCores: observed.busyBeforeCores,
    supportCpuPercent: observed.supportCpuPercent,
    errorSamples: [...new Set(reports.flatMap((r) => r.errorSamples))],
  };
}

/** CPU seconds so far of every support process, by name and pid. */
function supportCpu(processes: Record<string, number[]>): Record<string, Map<number, number>> {
  return Object.fromEntries(
    Object.entries(processes).map(([name, pids]) => [
      name,
      new Map(pids.map((pid) => [pid, cpuSeconds(pid)])),
    ]),
  );
}
