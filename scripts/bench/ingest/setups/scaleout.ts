/**
 * The scale-out mode: API processes (SERVER_ROLE=api) and media workers (SERVER_ROLE=worker)
 * sharing a fresh PostgreSQL database, a Redis database and an s3rver bucket (or a directory).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerProcess, spawnServer } from '../../../../test/helpers/server-process.js';
import { BENCH_ADMIN } from '../api-recorders.js';
import { freePort } from '../free-port.js';
import { type Instrumentation, instrumentedEnv, stopProcess } from '../instrumented-process.js';
import { pidsWithCommandLine } from '../rss-sampler.js';
import { type Scratch, scratchPostgres, scratchRedis, scratchS3rver } from '../scratch-services.js';
import type { LaunchedServers } from '../types.js';
import { waitUntilHealthy } from '../wait-healthy.js';

/** True once the server knows SERVER_ROLE (the scale-out mode exists). */
export function scaleOutAvailable(): boolean {
  const config = new URL('../../../../server/config.ts', import.meta.url);
  return readFileSync(config, 'utf8').includes('SERVER_ROLE');
}

export interface ScaleOutShape {
  apiProcesses: number;
  workerProcesses: number;
  /** JOB_CONCURRENCY of each worker. */
  jobConcurrency: number;
  /**
   * 's3': an s3rver bucket, as the scale-out mode is meant to run. 'disk': one local DATA_DIR
   * shared by every process instead, to tell s3rver's limits from ours.
   */
  storage: 's3' | 'disk';
}

export const INGEST_SHAPE: ScaleOutShape = {
  apiProcesses: 2,
  workerProcesses: 1,
  jobConcurrency: 1,
  storage: 's3',
};

async function s3Env(scratches: Scratch<unknown>[], supportPids: Record<string, number[]>) {
  const s3 = await scratchS3rver();
  scratches.push(s3);
  supportPids.s3rver = [s3.pid];
  return {
    S3_ENDPOINT: s3.value.endpoint,
    S3_BUCKET: s3.value.bucket,
    S3_REGION: s3.value.region,
    S3_ACCESS_KEY_ID: s3.value.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.value.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}

export async function launchScaleOut(
  instrumentation: Instrumentation,
  shape: ScaleOutShape = INGEST_SHAPE,
  extraEnv: Record<string, string> = {},
): Promise<LaunchedServers> {
  const scratches: Scratch<unknown>[] = [];
  const processes: ServerProcess[] = [];
  const supportPids: Record<string, number[]> = {};
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-scaleout-'));
  const stop = async () => {
    // Workers and API processes first, then what they were using.
    for (const server of processes.reverse()) await stopProcess(server.child);
    for (const scratch of scratches.reverse()) await scratch.dispose().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const postgres = await scratchPostgres();
    scratches.push(postgres);
    const redis = await scratchRedis();
    scratches.push(redis);
    const shared = {
      DATABASE_URL: postgres.value.url,
      REDIS_URL: redis.value,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ...(shape.storage === 's3' ? await s3Env(scratches, supportPids) : {}),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      JOB_CONCURRENCY: String(shape.jobConcurrency),
      ...instrumentedEnv(instrumentation),
      ...extraEnv,
    };
    const apis = await startApiProcesses(shared, shape.apiProcesses, processes);
    const workers = await startWorkers(shared, shape.workerProcesses, processes);
    supportPids.workers = workers.map((worker) => worker.child.pid!);
    return {
      label: shape.storage === 's3' ? 'scaleout' : 'scaleout-disk',
      origins: apis.map((api) => api.origin),
      ingestPids: apis.map((api) => api.server.child.pid!),
      // PostgreSQL titles each backend with its database's name.
      supportProcesses: () => ({
        ...supportPids,
        postgres: pidsWithCommandLine(postgres.value.name),
      }),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * One at a time: the first migrates the fresh database and creates the admin. Each process is
 * added to `started` at once, so a failure later still stops it.
 */
async function startApiProcesses(
  env: Record<string, string>,
  count: number,
  started: ServerProcess[],
): Promise<{ origin: string; server: ServerProcess }[]> {
  const apis: { origin: string; server: ServerProcess }[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = spawnServer({
      ...env,
      SERVER_ROLE: 'api',
      PORT: String(port),
      PUBLIC_URL: origin,
    });
    started.push(server);
    await waitUntilHealthy(`${origin}/api/v1/health`, () => server.child.exitCode === null).catch(
      (err: unknown) => {
        throw new Error(`API process ${i + 1}: ${err}\n${server.output().slice(-2000)}`);
      },
    );
    apis.push({ origin, server });
  }
  return apis;
}

async function startWorkers(
  env: Record<string, string>,
  count: number,
  started: ServerProcess[],
): Promise<ServerProcess[]> {
  const workers: ServerProcess[] = [];
  for (let i = 0; i < count; i++) {
    const worker = spawnServer({ ...env, SERVER_ROLE: 'worker', PORT: '0' });
    started.push(worker);
    await worker.waitForOutput(/worker started/, 60_000);
    workers.push(worker);
  }
  return workers;
}
