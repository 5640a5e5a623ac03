import assert from 'node:assert/strict';
import pino from 'pino';
import type { Db } from '../../server/db/database.js';
import { InProcessJobQueue } from '../../server/jobs/in-process-job-queue.js';
import { PermanentJobError } from '../../server/jobs/job-queue.js';
import { DATABASE_KINDS, openTestDb } from '../helpers/open-test-db.js';
import { handleAlwaysFailing, jobQueueContract, until } from './job-queue-contract.js';

const log = pino({ level: 'silent' });

function queue(db: Db, extra: Partial<ConstructorParameters<typeof InProcessJobQueue>[0]> = {}) {
  return new InProcessJobQueue({ db, log, concurrency: 1, retryBaseMs: 10, pollMs: 20, ...extra });
}

for (const kind of DATABASE_KINDS) {
  describe(`InProcessJobQueue on ${kind}`, () => {
    let db: Db;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ db, close } = await openTestDb(kind));
    });
    afterEach(() => close());

    it('runs a queued job with its payload', async () => {
      const q = queue(db);
      const seen: string[] = [];
      q.handle('process-answer', async ({ answerId }) => {
        seen.push(answerId);
      });
      await q.start();
      await q.enqueue('process-answer', { answerId: 'a1' });
      await until(() => seen.length === 1);
      await q.stop();
      assert.deepEqual(seen, ['a1']);
    });

    it('picks up after a restart the work queued or running when the process stopped', async () => {
      const first = queue(db);
      first.handle('process-answer', () => new Promise(() => {})); // never settles: "crashed" mid-job
      await first.start();
      await first.enqueue('process-answer', { answerId: 'interrupted' });
      await until(
        async () =>
          (await db.selectFrom('jobs').select('status').executeTakeFirst())?.status === 'running',
      );
      // Simulate the process dying: the first queue is abandoned, not stopped gracefully.
      const second = queue(db);
      const done: string[] = [];
      second.handle('process-answer', async ({ answerId }) => {
        done.push(answerId);
      });
      await second.start();
      await until(() => done.length === 1);
      await second.stop();
      assert.deepEqual(done, ['interrupted']);
    });

    it('retries a failing job with growing delays, then succeeds', async () => {
      const q = queue(db, { retryBaseMs: 30 });
      const attempts: { attempt: number; at: number }[] = [];
      q.handle('process-answer', async (_payload, ctx) => {
        attempts.push({ attempt: ctx.attempt, at: Date.now() });
        if (ctx.attempt < 3) throw new Error('disk busy');
      });
      await q.start();
      await q.enqueue('process-answer', { answerId: 'x' });
      await until(
        async () =>
          (await db.selectFrom('jobs').select('status').executeTakeFirst())?.status === 'done',
      );
      await q.stop();
      assert.deepEqual(
        attempts.map((a) => a.attempt),
        [1, 2, 3],
      );
      const gaps = [attempts[1]!.at - attempts[0]!.at, attempts[2]!.at - attempts[1]!.at];
      assert.ok(gaps[0]! >= 30, `first retry waited ${gaps[0]} ms`);
      assert.ok(gaps[1]! >= 120, `second retry waited ${gaps[1]} ms (backoff grows)`);
    });

    it('gives up after the last attempt and reports the failure once', async () => {
      const q = queue(db, { maxAttempts: 2 });
      const runs = handleAlwaysFailing(q, () => new Error('always broken'));
      await q.start();
      await q.enqueue('process-answer', { answerId: 'y' });
      await until(() => runs.reported.length === 1);
      await q.stop();
      const job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      assert.equal(job.status, 'failed');
      assert.equal(job.attempts, 2);
      assert.deepEqual(
        runs.reported.map((r) => `${r.answerId}: ${r.error.message}`),
        ['y: always broken'],
      );
    });

    it('does not retry a PermanentJobError', async () => {
      const q = queue(db);
      const runs = handleAlwaysFailing(
        q,
        () => new PermanentJobError('The upload is not a video.'),
      );
      await q.start();
      await q.enqueue('process-answer', { answerId: 'z' });
      await until(() => runs.reported.length === 1);
      await q.stop();
      assert.equal(runs.tries.length, 1);
      assert.deepEqual(
        runs.reported.map((r) => r.error.message),
        ['The upload is not a video.'],
      );
    });

    it('ignores a second enqueue with the same jobId while the first is pending', async () => {
      const q = queue(db);
      let calls = 0;
      q.handle('process-answer', async () => {
        calls++;
      });
      await q.enqueue('process-answer', { answerId: 'same' }, { jobId: 'same' });
      await q.enqueue('process-answer', { answerId: 'same' }, { jobId: 'same' });
      await q.start();
      await until(
        async () =>
          (await db.selectFrom('jobs').select('status').executeTakeFirst())?.status === 'done',
      );
      await q.stop();
      assert.equal(calls, 1);
    });
  });
}

for (const kind of DATABASE_KINDS) {
  describe(`InProcessJobQueue on ${kind}: shared contract`, () => {
    let db: Db;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ db, close } = await openTestDb(kind));
    });
    afterEach(() => close());
    jobQueueContract(() => ({ make: (options) => queue(db, options) }));
  });
}
