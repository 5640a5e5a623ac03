/**
 * Several compiled server processes sharing PostgreSQL, Redis (and S3): the production shape on
 * one machine. Each process has its own DATA_DIR, as separate machines would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ServerProcess, spawnServer } from './server-process.js';

export type Role = 'api' | 'worker';

export interface ProcessCluster {
  /** What every process is started with; set in a `before` hook once the services run. */
  env: Record<string, string>;
  readonly processes: ServerProcess[];
  /** Starts one process of `role` (an API on `port`) and waits until it says it is ready. */
  spawn(role: Role, port?: number): Promise<ServerProcess>;
}

/**
 * Call inside a `describe`: after a failed test, prints the end of every process's output; after
 * the suite, SIGKILLs what still runs and removes the data directories.
 */
export function processCluster(): ProcessCluster {
  const dirs: string[] = [];
  const cluster: ProcessCluster = {
    env: {},
    processes: [],
    async spawn(role, port = 0) {
      const dataDir = await mkdtemp(path.join(tmpdir(), `interview-${role}-`));
      dirs.push(dataDir);
      const proc = spawnServer({
        ...cluster.env,
        SERVER_ROLE: role,
        DATA_DIR: dataDir,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      });
      cluster.processes.push(proc);
      await proc.waitForOutput(role === 'api' ? /"msg":"listening"/ : /"msg":"worker started"/);
      return proc;
    },
  };
  afterEach(function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const p of cluster.processes)
      console.error(`--- ${p.child.pid}:\n${p.output().slice(-4000)}`);
  });
  after(async () => {
    for (const p of cluster.processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(cluster.processes.map((p) => p.exited));
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  return cluster;
}
