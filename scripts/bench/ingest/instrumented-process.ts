import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./process-probe.ts', import.meta.url));
/** Where `--import tsx` resolves from: start every Node child here. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface Instrumentation {
  /** Where each measured process writes its probe samples (process-probe.ts). */
  probeDir: string;
  /** Set to write a V8 CPU profile of each measured process into this directory at exit. */
  cpuProfileDir?: string;
}

/**
 * Environment that preloads the probe into a Node process (and, if asked, profiles it). tsx is
 * imported first so the probe, TypeScript itself, loads.
 */
export function instrumentedEnv(instrumentation: Instrumentation): Record<string, string> {
  const env: Record<string, string> = {
    NODE_OPTIONS: `--import tsx --import ${PROBE}`,
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
