/** Our server as one process on its defaults: SQLite and local disk in a fresh DATA_DIR. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../../../../test/helpers/server-process.js';
import { BENCH_ADMIN } from '../api-recorders.js';
import { freePort } from '../free-port.js';
import { type Instrumentation, instrumentedEnv, stopProcess } from '../instrumented-process.js';
import type { LaunchedServers } from '../types.js';
import { waitUntilHealthy } from '../wait-healthy.js';

export async function launchEmbedded(
  instrumentation: Instrumentation,
  extraEnv: Record<string, string> = {},
): Promise<LaunchedServers> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-embedded-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawnServer({
    PORT: String(port),
    PUBLIC_URL: origin,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    ...instrumentedEnv(instrumentation),
    ...extraEnv,
  });
  try {
    await waitUntilHealthy(`${origin}/api/v1/health`, () => server.child.exitCode === null);
  } catch (err) {
    await stopProcess(server.child);
    throw new Error(`${err instanceof Error ? err.message : err}\n${server.output().slice(-2000)}`);
  }
  return {
    label: 'embedded',
    origins: [origin],
    ingestPids: [server.child.pid!],
    supportProcesses: () => ({}),
    async stop() {
      await stopProcess(server.child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
