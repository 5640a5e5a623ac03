import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** Where `--import tsx` resolves from: start every Node child here. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const COMPILED = join(REPO_ROOT, 'dist/bench');
let compiled = false;

/**
 * The probe and the tus reference compiled to JavaScript once per run, so that neither measured
 * process loads tsx: tsx and its loader thread add some 75 MB of memory and start-up CPU to a
 * process, which would hide the difference between our compiled server and the reference.
 */
export function compiledBenchFile(name: 'process-probe' | 'tus-server'): string {
  if (!compiled) {
    buildSync({
      entryPoints: ['process-probe', 'tus-server'].map((entry) =>
        fileURLToPath(new URL(`./${entry}.ts`, import.meta.url)),
      ),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      outdir: COMPILED,
      logLevel: 'warning',
    });
    compiled = true;
  }
  return join(COMPILED, `${name}.js`);
}

export interface Instrumentation {
  /** Where each measured process writes its probe samples (process-probe.ts). */
  probeDir: string;
  /** Set to write a V8 CPU profile of each measured process into this directory at exit. */
  cpuProfileDir?: string;
}

/** Environment that preloads the (compiled) probe into a Node process and, if asked, profiles it. */
export function instrumentedEnv(instrumentation: Instrumentation): Record<string, string> {
  const env: Record<string, string> = {
    NODE_OPTIONS: `--import ${compiledBenchFile('process-probe')}`,
    INGEST_PROBE_DIR: instrumentation.probeDir,
  };
  if (instrumentation.cpuProfileDir) env.INGEST_CPU_PROFILE_DIR = instrumentation.cpuProfileDir;
  return env;
}

/**
 * SIGTERM, then wait: the servers drain and exit by themselves, which is also when V8 writes the
 * CPU profile. SIGKILL only if that takes longer than `graceMs`.
 */
export async function stopProcess(child: ChildProcess, graceMs = 40_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
