import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import pino from 'pino';
import { BullMqJobQueue, type BullMqJobQueueOptions } from '../../server/jobs/bullmq-job-queue.js';
import { PermanentJobError } from '../../server/jobs/job-queue.js';
import { connectRedis } from '../../server/redis.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { freePort } from '../helpers/test-server.js';
import { handleAlwaysFailing, jobQueueContract, until } from './job-queue-contract.js';

const log = pino({ level: 'silent' });
/** Where BullMqJobQueue keeps its jobs: what an operator opens with bullmq's own Queue. */
const QUEUE_NAME = 'media';
const PREFIX = 'interviews';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A promise the test resolves when it chooses: holds a handler mid-job. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('BullMqJobQueue on Redis', function () {
  this.timeout(20_000);
  let server: TestRedis;
  /** Our own view of Redis: flushes between tests and lists client connections. */
  let admin: Redis;
  /** bullmq's Queue on the same keys, to read jobs the way an operator would. */
  let inspect: Queue;
  let connections: Redis[] = [];
  let queues: BullMqJobQueue[] = [];

  function connect(name: string): Redis {
    const redis = connectRedis(server.url, log, name);
    connections.push(redis);
    return redis;
  }

  /** A queue as server/cluster.ts makes one: on its own connectRedis connection. */
  function queue(extra: Partial<Omit<BullMqJobQueueOptions, 'redis' | 'log'>> = {}) {
    const q = new BullMqJobQueue({
      redis: connect('test'),
      log,
      concurrency: 1,
      lockSeconds: 5,
      retryBaseMs: 10,
      ...extra,
    });
    queues.push(q);
    return q;
  }

  async function counts() {
    return inspect.getJobCounts('wait', 'active', 'delayed', 'completed', 'failed');
  }

  before(async () => {
    server = await startTestRedis(await freePort());
    admin = connectRedis(server.url, log, 'test-admin');
    inspect = new Queue(QUEUE_NAME, { connection: admin, prefix: PREFIX });
    inspect.on('error', () => {}); // Redis is down on purpose in one test
  });

  beforeEach(async () => {
    await admin.flushdb();
  });

  afterEach(async () => {
    await Promise.all(queues.map((q) => q.stop()));
    await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    queues = [];
    connections = [];
  });

  after(async () => {
    await inspect?.close();
    await admin?.quit();
    await server?.stop();
  });

  it('runs a queued job with its payload', async () => {
    const q = queue();
    const seen: string[] = [];
    q.handle('process-answer', async ({ answerId }) => {
      seen.push(answerId);
    });
    await q.start();
    assert.equal(await q.enqueue('process-answer', { answerId: 'a1' }), true);
    await until(() => seen.length === 1);
    await q.stop();
    assert.deepEqual(seen, ['a1']);
    assert.deepEqual(await counts(), { wait: 0, active: 0, delayed: 0, completed: 0, failed: 0 });
  });

  it('retries a failing job with growing delays (exponential backoff), then succeeds', async () => {
    const base = 150;
    const q = queue({ retryBaseMs: base });
    const attempts: { attempt: number; at: number }[] = [];
    let done = false;
    q.handle('process-answer', async (_payload, ctx) => {
      attempts.push({ attempt: ctx.attempt, at: Date.now() });
      if (ctx.attempt < 3) throw new Error('disk busy');
      done = true;
    });
    await q.start();
    await q.enqueue('process-answer', { answerId: 'x' });
    await until(() => done);
    await q.stop();
    assert.deepEqual(
      attempts.map((a) => a.attempt),
      [1, 2, 3],
    );
    const [first, second] = [attempts[1]!.at - attempts[0]!.at, attempts[2]!.at - attempts[1]!.at];
    assert.ok(first >= base, `first retry waited ${first} ms, expected ≥ ${base}`);
    assert.ok(second >= 2 * base, `second retry waited ${second} ms, expected ≥ ${2 * base}`);
    assert.ok(second > first, `backoff grows: ${first} ms then ${second} ms`);
    assert.deepEqual(await counts(), { wait: 0, active: 0, delayed: 0, completed: 0, failed: 0 });
  });

  it('gives up after the last attempt and calls onFailed exactly once with the error', async () => {
    const q = queue({ maxAttempts: 3 });
    const runs = handleAlwaysFailing(q, () => new Error('always broken'));
    await q.start();
    await q.enqueue('process-answer', { answerId: 'y' });
    await until(() => runs.reported.length === 1);
    await sleep(300); // a second report, or a fourth try, would come now
    await q.stop();
    assert.equal(runs.tries.length, 3);
    assert.deepEqual(
      runs.reported.map((r) => `${r.answerId}: ${r.error.message}`),
      ['y: always broken'],
    );
    const [job, ...others] = await inspect.getJobs(['failed']);
    assert.equal(others.length, 0);
    assert.equal(job!.attemptsMade, 3);
    assert.equal(job!.failedReason, 'always broken');
    assert.deepEqual(job!.data, { answerId: 'y' });
  });

  it('does not retry a PermanentJobError and reports its message', async () => {
    const q = queue();
    const runs = handleAlwaysFailing(q, () => new PermanentJobError('The upload is not a video.'));
    await q.start();
    await q.enqueue('process-answer', { answerId: 'z' });
    await until(() => runs.reported.length === 1);
    await sleep(200);
    await q.stop();
    assert.equal(runs.tries.length, 1);
    assert.equal(runs.reported.length, 1);
    const reported = runs.reported[0]!.error;
    assert.equal(reported.message, 'The upload is not a video.');
    assert.ok(reported instanceof PermanentJobError, 'onFailed gets a PermanentJobError');
    const [job] = await inspect.getJobs(['failed']);
    assert.equal(job!.attemptsMade, 1);
    assert.equal(job!.failedReason, 'The upload is not a video.');
  });

  it('adds a job with a given jobId once while it is pending, and again once it finished', async () => {
    const q = queue();
    const hold = gate();
    const runs: string[] = [];
    q.handle('process-answer', async ({ answerId }) => {
      runs.push(answerId);
      if (runs.length === 1) await hold.opened;
    });
    // Queued (no worker yet): the second enqueue is a no-op.
    assert.equal(await q.enqueue('process-answer', { answerId: 'first' }, { jobId: 'same' }), true);
    assert.equal(await q.enqueue('process-answer', { answerId: 'dupe' }, { jobId: 'same' }), false);
    assert.equal((await counts()).wait, 1);
    await q.start();
    // Running: still a no-op.
    await until(() => runs.length === 1);
    assert.equal(await q.enqueue('process-answer', { answerId: 'dupe' }, { jobId: 'same' }), false);
    hold.open();
    await until(async () => (await counts()).active === 0);
    await sleep(200);
    assert.deepEqual(runs, ['first']);
    // Finished: the same id is queued and runs again.
    assert.equal(await q.enqueue('process-answer', { answerId: 'again' }, { jobId: 'same' }), true);
    await until(() => runs.length === 2);
    await q.stop();
    assert.deepEqual(runs, ['first', 'again']);
  });

  it('replaces a failed job with the same jobId by a new one that runs', async () => {
    const q = queue();
    const runs: string[] = [];
    const failures: string[] = [];
    q.handle(
      'process-answer',
      async ({ answerId }) => {
        runs.push(answerId);
        if (runs.length === 1) throw new PermanentJobError('not yet');
      },
      { onFailed: async (p) => void failures.push(p.answerId) },
    );
    await q.start();
    await q.enqueue('process-answer', { answerId: 'one' }, { jobId: 'same' });
    await until(() => failures.length === 1);
    assert.equal((await counts()).failed, 1);
    assert.equal(await q.enqueue('process-answer', { answerId: 'two' }, { jobId: 'same' }), true);
    await until(() => runs.length === 2);
    await q.stop();
    assert.deepEqual(runs, ['one', 'two']);
    assert.equal((await counts()).failed, 0, 'the failed job made way for the new one');
  });

  it('stores the progress a handler reports on the BullMQ job', async () => {
    const q = queue();
    const hold = gate();
    q.handle('process-answer', async (_payload, ctx) => {
      ctx.progress(42.4);
      await hold.opened;
    });
    await q.start();
    await q.enqueue('process-answer', { answerId: 'p' }, { jobId: 'p' });
    let progress: unknown;
    await until(async () => {
      const [job] = await inspect.getJobs(['active']);
      progress = job?.progress;
      return progress === 42;
    }).catch(() => assert.fail(`progress on the active job is ${JSON.stringify(progress)}`));
    const [active] = await inspect.getJobs(['active']);
    assert.deepEqual(active!.data, { answerId: 'p' });
    assert.equal((await inspect.getJob(active!.id!))!.progress, 42);
    hold.open();
    await until(async () => (await counts()).active === 0);
  });

  /** A started queue whose process-answer handler only counts its runs. */
  async function countingQueue(concurrency: number) {
    const q = queue({ concurrency });
    const runs = { count: 0 };
    q.handle('process-answer', async () => {
      runs.count++;
    });
    await q.start();
    return { q, runs };
  }

  it('with concurrency 0 only enqueues: the job waits for a process that runs jobs', async () => {
    const { q: api, runs: inApi } = await countingQueue(0);
    assert.equal(await api.enqueue('process-answer', { answerId: 'w1' }), true);
    await sleep(500);
    assert.equal(inApi.count, 0);
    assert.equal((await counts()).wait, 1, 'the job waits in Redis');

    const worker = queue({ concurrency: 1 });
    const seen: string[] = [];
    worker.handle('process-answer', async ({ answerId }) => {
      seen.push(answerId);
    });
    await worker.start();
    await until(() => seen.length === 1);
    assert.deepEqual(seen, ['w1']);
    assert.equal(inApi.count, 0);
  });

  it('enqueue rejects within a few seconds when Redis is down instead of hanging', async () => {
    const api = queue({ concurrency: 0 });
    await api.start();
    assert.equal(await api.enqueue('process-answer', { answerId: 'before' }), true);
    await server.stop();
    try {
      const started = Date.now();
      await assert.rejects(
        api.enqueue('process-answer', { answerId: 'during' }, { jobId: 'during' }),
        /did not answer in time/,
      );
      const waited = Date.now() - started;
      assert.ok(waited < 5000, `enqueue gave up after ${waited} ms`);
    } finally {
      await server.start(); // empty again, for the tests after this one
    }
  });

  it('stop leaves no connection of its own open', async () => {
    const { q, runs } = await countingQueue(2);
    await q.enqueue('process-answer', { answerId: 'c' });
    await until(() => runs.count === 1);
    await q.stop();
    await Promise.all(connections.map((c) => c.quit()));
    connections = [];
    queues = [];
    const clientNames = async () =>
      String(await admin.client('LIST'))
        .split('\n')
        .filter(Boolean)
        .map((line) => /\bname=(\S*)/.exec(line)?.[1] ?? '');
    await until(async () => (await clientNames()).length === 1, 3000).catch(async () =>
      assert.fail(`connections still open: ${JSON.stringify(await clientNames())}`),
    );
  });

  jobQueueContract(() => ({ make: (options) => queue(options) }));
});
