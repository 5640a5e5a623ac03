/**
 * Preloaded into a measured server process (NODE_OPTIONS=--import …) so the benchmark can see
 * inside it without touching server code: once a second it appends one JSON line to
 * `$INGEST_PROBE_DIR/<pid>.jsonl` with event-loop delay over that second and the memory split.
 * With `$INGEST_CPU_PROFILE_DIR` it also records a V8 CPU profile, written at exit as
 * `<pid>.cpuprofile` (Node 20 refuses --cpu-prof in NODE_OPTIONS, so the inspector does it).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { loopDelayMs, startLoopMonitor } from './loop-delay.js';

export interface ProbeSample {
  epochMs: number;
  loopP50Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
  /** Cumulative process CPU time, ms, and the part of it spent in the kernel. */
  cpuMs: number;
  systemCpuMs: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** Garbage-collection pauses in this second: the longest, and all of them together. */
  gcMaxMs: number;
  gcTotalMs: number;
}

const directory = process.env.INGEST_PROBE_DIR;
if (directory) {
  const file = join(directory, `${process.pid}.jsonl`);
  const loop = startLoopMonitor();
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  const ms = (nanoseconds: number) => Math.round(loopDelayMs(nanoseconds) * 100) / 100;
  // GC pauses stop the event loop too: counted apart so a loop delay can be told from one.
  const gc = { maxMs: 0, totalMs: 0 };
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) {
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
      gc.totalMs += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  setInterval(() => {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    const sample: ProbeSample = {
      epochMs: Date.now(),
      loopP50Ms: ms(loop.percentile(50)),
      loopP99Ms: ms(loop.percentile(99)),
      loopMaxMs: ms(loop.max),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      systemCpuMs: Math.round(cpu.system / 1000),
      rssMb: mb(memory.rss),
      heapUsedMb: mb(memory.heapUsed),
      externalMb: mb(memory.external),
      arrayBuffersMb: mb(memory.arrayBuffers),
      gcMaxMs: Math.round(gc.maxMs),
      gcTotalMs: Math.round(gc.totalMs),
    };
    loop.reset();
    gc.maxMs = 0;
    gc.totalMs = 0;
    appendFileSync(file, `${JSON.stringify(sample)}\n`);
  }, 1000).unref();
}

const profileDir = process.env.INGEST_CPU_PROFILE_DIR;
if (profileDir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // An in-process inspector session answers synchronously, so this works inside 'exit'.
  process.once('exit', () => {
    session.post('Profiler.stop', (err, result) => {
      if (!err)
        writeFileSync(
          join(profileDir, `${process.pid}.cpuprofile`),
          JSON.stringify(result.profile),
        );
    });
  });
}

// What-if experiments (experiments.ts) only when asked for: a plain run measures the server as is.
if (process.env.INGEST_EXPERIMENT) await import('./experiments.js');
