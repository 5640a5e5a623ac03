/**
 * The behaviour every JobQueue promises, whichever runs it (in-process on SQLite/PostgreSQL,
 * BullMQ on Redis): one retry policy (server/jobs/retry-policy.ts), the same handling of
 * permanent failures and unknown jobs, and fair scheduling between candidates. Each adapter's
 * test file runs this suite against its own queue.
 */
import assert from 'node:assert/strict';
import type { JobName, JobQueue } from '../../server/jobs/job-queue.js';
import { PermanentJobError } from '../../server/jobs/job-queue.js';
import type { LaneConcurrency } from '../../server/jobs/lanes.js';
import { DEFAULT_RETRY_POLICY } from '../../server/jobs/retry-policy.js';

export interface QueueUnderTest {
  make(options: {
    concurrency: number;
    retryBaseMs: number;
    maxAttempts?: number;
    lanes?: LaneConcurrency;
  }): JobQueue;
}

export function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = async () => {
      try {
        if (await condition()) return resolve();
      } catch (err) {
        return reject(err);
      }
      if (Date.now() > deadline) return reject(new Error('condition not met in time'));
      setTimeout(check, 20);
    };
    void check();
  });
}

/** What a handler that always fails saw: the attempt of each try, and each onFailed report. */
export interface FailingRuns {
  tries: number[];
  reported: { answerId: string; error: Error }[];
}

/** Handles 'process-answer' by throwing `error()` on every try; onFailed reports are kept. */
export function handleAlwaysFailing(q: JobQueue, error: () => Error): FailingRuns {
  const runs: FailingRuns = { tries: [], reported: [] };
  q.handle(
    'process-answer',
    async (_payload, ctx) => {
      runs.tries.push(ctx.attempt);
      throw error();
    },
    { onFailed: async ({ answerId }, err) => void runs.reported.push({ answerId, error: err }) },
  );
  return runs;
}

/** Gates still shut when a test ends (it failed half-way): opened so the queues can stop. */
const shut = new Set<() => void>();

function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  shut.add(open);
  return { opened, open };
}

export function jobQueueContract(setup: () => QueueUnderTest): void {
  describe('the JobQueue contract', () => {
    let queues: JobQueue[] = [];
    const make = (options: Parameters<QueueUnderTest['make']>[0]) => {
      const q = setup().make(options);
      queues.push(q);
      return q;
    };
    afterEach(async () => {
      for (const open of shut) open();
      shut.clear();
      await Promise.all(queues.map((q) => q.stop()));
      queues = [];
    });

    it("waits the shared policy's delays between tries: base, then factor × base", async () => {
      const base = 60;
      const q = make({ concurrency: 1, retryBaseMs: base });
      const at: number[] = [];
      q.handle('process-answer', async (_payload, ctx) => {
        at.push(Date.now());
        if (ctx.attempt < 3) throw new Error('disk busy');
      });
      await q.start();
      await q.enqueue('process-answer', { answerId: 'retry' });
      await until(() => at.length === 3);
      const second = at[2]! - at[1]!;
      assert.ok(at[1]! - at[0]! >= base, `first wait ${at[1]! - at[0]!} ms`);
      assert.ok(
        second >= DEFAULT_RETRY_POLICY.factor * base,
        `second wait ${second} ms, expected ≥ ${DEFAULT_RETRY_POLICY.factor * base} ms`,
      );
    });

    it("tries the policy's number of times, then reports the failure once", async () => {
      const q = make({ concurrency: 1, retryBaseMs: 5 });
      const runs = handleAlwaysFailing(q, () => new Error('still broken'));
      await q.start();
      await q.enqueue('process-answer', { answerId: 'doomed' });
      await until(() => runs.reported.length === 1);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(
        runs.tries,
        Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts }, (_, i) => i + 1),
      );
      assert.deepEqual(
        runs.reported.map((r) => `${r.answerId}: ${r.error.message}`),
        ['doomed: still broken'],
      );
    });

    it('ends a job at once on a PermanentJobError and reports its message', async () => {
      const q = make({ concurrency: 1, retryBaseMs: 5 });
      const runs = handleAlwaysFailing(
        q,
        () => new PermanentJobError('The upload is not a playable video or audio recording.'),
      );
      await q.start();
      await q.enqueue('process-answer', { answerId: 'bomb' });
      await until(() => runs.reported.length === 1);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(runs.tries.length, 1);
      const reported = runs.reported[0]!.error;
      assert.ok(reported instanceof PermanentJobError);
      assert.equal(reported.message, 'The upload is not a playable video or audio recording.');
    });

    it('fails a job nobody handles for good, at once, and goes on with the others', async () => {
      const q = make({ concurrency: 1, retryBaseMs: 5 });
      const ran: string[] = [];
      q.handle('process-answer', async ({ answerId }) => void ran.push(answerId));
      await q.start();
      const unknown = 'from-a-newer-version' as JobName;
      assert.equal(await q.enqueue(unknown, { answerId: 'x' }, { jobId: 'u1' }), true);
      await q.enqueue('process-answer', { answerId: 'known' });
      await until(() => ran.length === 1);
      // Pending, a second enqueue with its id is a no-op; once it has failed, one is added.
      await until(() => q.enqueue(unknown, { answerId: 'x' }, { jobId: 'u1' }));
      assert.deepEqual(ran, ['known']);
    });

    it('never runs more jobs at once than its concurrency, queued before or after it starts', async () => {
      const q = make({ concurrency: 2, retryBaseMs: 5 });
      let running = 0;
      let peak = 0;
      let finished = 0;
      q.handle('process-answer', async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 80));
        running--;
        finished++;
      });
      for (let i = 0; i < 3; i++) await q.enqueue('process-answer', { answerId: `j${i}` });
      await q.start();
      for (let i = 3; i < 6; i++) await q.enqueue('process-answer', { answerId: `j${i}` });
      await until(() => finished === 6);
      assert.equal(peak, 2);
    });

    it('never lets one candidate hold every slot', async () => {
      const q = make({ concurrency: 2, retryBaseMs: 5 });
      const running = new Map<string, number>();
      const started: string[] = [];
      const release = gate();
      q.handle('process-answer', async ({ answerId }) => {
        const owner = answerId.split('-')[0]!;
        running.set(owner, (running.get(owner) ?? 0) + 1);
        started.push(answerId);
        await release.opened;
        running.set(owner, running.get(owner)! - 1);
      });
      await q.start();
      for (const id of ['a-1', 'a-2', 'a-3'])
        await q.enqueue('process-answer', { answerId: id }, { fairGroup: 'a', cost: 10 });
      await until(() => started.length >= 1);
      await q.enqueue('process-answer', { answerId: 'b-1' }, { fairGroup: 'b', cost: 10 });
      await until(() => started.includes('b-1'));
      assert.deepEqual(
        started.filter((id) => id.startsWith('a-')),
        ['a-1'],
        'a holds one slot while b is served',
      );
      release.open();
      await until(() => started.length === 4);
    });

    it('runs mail in its own lane: with every media slot held, mails still go', async () => {
      const q = make({ concurrency: 1, lanes: { email: 2 }, retryBaseMs: 5 });
      const media = gate();
      const mail = gate();
      const mediaStarted: string[] = [];
      const mailStarted: string[] = [];
      q.handle('process-answer', async ({ answerId }) => {
        mediaStarted.push(answerId);
        await media.opened;
      });
      q.handle('send-email', async ({ messageId }) => {
        mailStarted.push(messageId);
        await mail.opened;
      });
      await q.start();
      for (const id of ['v1', 'v2']) await q.enqueue('process-answer', { answerId: id });
      await until(() => mediaStarted.length === 1);
      for (const id of ['m1', 'm2', 'm3']) await q.enqueue('send-email', { messageId: id });
      await until(() => mailStarted.length === 2);
      assert.deepEqual(mediaStarted, ['v1'], 'the second video waits for the media slot');
      mail.open();
      await until(() => mailStarted.length === 3);
      assert.deepEqual(mediaStarted, ['v1'], 'mails went while the video still held its slot');
      media.open();
      await until(() => mediaStarted.length === 2);
    });

    it('lets short answers overtake a long one queued before them', async () => {
      const q = make({ concurrency: 1, retryBaseMs: 5 });
      const started: string[] = [];
      const release = gate();
      q.handle('process-answer', async ({ answerId }) => {
        started.push(answerId);
        if (answerId === 'busy') await release.opened;
      });
      await q.start();
      await q.enqueue('process-answer', { answerId: 'busy' }, { fairGroup: 'x', cost: 1 });
      await until(() => started.length === 1);
      await q.enqueue('process-answer', { answerId: 'long' }, { fairGroup: 'l', cost: 600 });
      await q.enqueue('process-answer', { answerId: 'short' }, { fairGroup: 's', cost: 6 });
      release.open();
      await until(() => started.length === 3);
      assert.deepEqual(started, ['busy', 'short', 'long']);
    });
  });
}
