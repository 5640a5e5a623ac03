/** Throwaway PostgreSQL databases, Redis databases and an s3rver process for one run each. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { REPO_ROOT, stopProcess } from './instrumented-process.js';

const POSTGRES_ADMIN_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_BASE_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Scratch<T> {
  value: T;
  dispose(): Promise<void>;
}

/** A new, empty PostgreSQL database; dropped (with any sessions left on it) by dispose. */
export async function scratchPostgres(): Promise<Scratch<{ url: string; name: string }>> {
  const name = `ingest_bench_${randomBytes(4).toString('hex')}`;
  await withPostgres((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    value: { url: url.toString(), name },
    async dispose() {
      await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withPostgres<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * An empty logical Redis database (of 1–15; 0 is where other work on this machine lives), so
 * the run's job queues meet nobody else's (pub/sub channels are not per database, but the
 * benchmark sends no realtime events). Flushed by dispose.
 */
export async function scratchRedis(): Promise<Scratch<string>> {
  for (const db of shuffled(Array.from({ length: 15 }, (_, i) => i + 1))) {
    const url = `${REDIS_BASE_URL}/${db}`;
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    // Claimed with a marker key, so that two runs at once cannot take the same database.
    const claimed =
      (await redis.dbsize()) === 0 && (await redis.set('ingest-bench:claim', '1', 'NX')) === 'OK';
    await redis.quit();
    if (!claimed) continue;
    return {
      value: url,
      async dispose() {
        const cleaner = new Redis(url, { maxRetriesPerRequest: 1 });
        await cleaner.flushdb();
        await cleaner.quit();
      },
    };
  }
  throw new Error('no empty Redis database among 1–15');
}

function shuffled<T>(items: T[]): T[] {
  return items
    .map((item) => ({ item, key: Math.random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

export interface S3Details {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const S3RVER_ENTRY = fileURLToPath(new URL('./s3rver-process.ts', import.meta.url));

/** s3rver in a child process (s3rver-process.ts); returns its details once it listens. */
export async function scratchS3rver(): Promise<Scratch<S3Details> & { pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', S3RVER_ENTRY], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const details = await new Promise<S3Details>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (data: Buffer) => {
      text += data;
      const line = text.split('\n').find((l) => l.startsWith('{'));
      if (line && text.includes('\n')) resolve(JSON.parse(line) as S3Details);
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited with code ${code}`)));
  });
  return { value: details, pid: child.pid!, dispose: () => stopProcess(child) };
}
