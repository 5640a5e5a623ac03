/**
 * Issue 9: a take closed while the server held none of it (abandoned, or replaced by a newer
 * take) is a tombstone that a device still holding its recording can upload and submit.
 */
import assert from 'node:assert/strict';
import type { Answer, Interview } from '../../server/contracts/api.js';
import { sweepStaleChunks } from '../../server/jobs/sweep-stale-chunks.js';
import { answerBudget } from '../../server/media/answer-budget.js';
import { type Api, createInterview, invite, recordAnswer, waitForAnswer } from '../helpers/api.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import {
  CLIP_MIME,
  clipChunks,
  expectProblem,
  HOUR,
  newCandidate,
  quickQuestion,
  reload,
  retakesInterview,
  startAnswer,
  useClockedServer,
} from './support.js';

for (const config of BOTH_SETUPS) {
  describe(`tombstones: abandoned and replaced takes can still be submitted (${config.database} + ${config.storage})`, function () {
    this.timeout(180_000);
    let server: TestServer;
    let admin: Api;
    /** Question 0 allows no retake, question 1 allows one; both last 10 seconds. */
    let interview: Interview;
    let once: string;
    let twice: string;
    let chunks: Buffer[];

    const clock = useClockedServer(config, (s) => ({ server, admin } = s));

    before(async () => {
      ({ interview, once, twice } = await retakesInterview(admin, 10));
      chunks = await clipChunks(3);
    });

    const candidate = (of: Interview = interview) => newCandidate(admin, of.id);

    async function upload(c: Api, answerId: string, from = 0): Promise<void> {
      for (let i = from; i < chunks.length; i++) {
        const put = await c.putChunk(answerId, i, chunks[i]!, { sha256: true });
        assert.equal(put.status, 200, JSON.stringify(put.body));
      }
    }

    async function complete(c: Api, answerId: string): Promise<Answer> {
      const res = await c.post<Answer>(`/candidate/answers/${answerId}/complete`, {
        chunkCount: chunks.length,
      });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      return res.body;
    }

    const openTakes = async (c: Api, questionId: string) =>
      (await c.get<{ answers: Answer[] }>('/candidate/session')).body.answers
        .filter((a) => a.questionId === questionId && a.status === 'recording')
        .map((a) => a.id);

    it('a take abandoned on one device is uploaded and submitted from another, and the abandon cost no attempt', async () => {
      const c = await candidate();
      const abandoned = await startAnswer(c, once);
      assert.equal((await c.post(`/candidate/answers/${abandoned.id}/abandon`)).status, 204);
      const tombstone = await reload(c, abandoned.id);
      assert.equal(tombstone.status, 'failed');
      assert.equal(tombstone.tombstone, true);
      assert.match(tombstone.error ?? '', /does not count as one of your attempts/);
      // Again: nothing changes.
      assert.equal((await c.post(`/candidate/answers/${abandoned.id}/abandon`)).status, 204);

      // The question allows one take: the abandoned one did not use it.
      const newer = await startAnswer(c, once);
      assert.equal(newer.attempt, 2);

      // The other device, still holding the recording, sends it: chunks, then complete.
      await upload(c, abandoned.id);
      const held = await reload(c, abandoned.id);
      assert.equal(held.status, 'failed', 'a tombstone never opens again');
      assert.deepEqual(held.receivedChunks, [0, 1, 2]);
      expectProblem(
        await c.post(`/candidate/answers/${abandoned.id}/abandon`),
        409,
        'take_not_empty',
      );
      const submitted = await complete(c, abandoned.id);
      assert.equal(submitted.status, 'processing');
      assert.equal(submitted.tombstone, false);
      assert.equal(submitted.error, null);

      const ready = await waitForAnswer(c, abandoned.id);
      assert.equal(ready.status, 'ready', JSON.stringify(ready));
      const staffView = await admin.get(`/answers/${abandoned.id}`);
      assert.equal(staffView.status, 200, JSON.stringify(staffView.body));
      assert.equal(staffView.body.status, 'ready');
      assert.equal((await fetch(staffView.body.videoUrl)).status, 200, 'its video plays');
      // It never closed the newer take, and now that it was handed in it counts.
      assert.deepEqual(await openTakes(c, once), [newer.id]);
      expectProblem(
        await c.post('/candidate/answers', { questionId: once, mimeType: CLIP_MIME }),
        409,
        'retakes_exhausted',
      );
    });

    it('a replaced empty take receives its chunks later and is submitted; the newer take stays open', async () => {
      const c = await candidate();
      const replaced = await startAnswer(c, twice);
      const newer = await startAnswer(c, twice);
      const closed = await reload(c, replaced.id);
      assert.equal(closed.status, 'failed');
      assert.equal(closed.tombstone, true);
      assert.match(closed.error ?? '', /newer take replaced this one.*does not count/);

      await upload(c, replaced.id);
      // A resend of a chunk (the full path, not the one-statement fast path) is taken too.
      const again = await c.putChunk(replaced.id, 1, chunks[1]!, { sha256: true });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      await complete(c, replaced.id);
      assert.equal((await waitForAnswer(c, replaced.id)).status, 'ready');
      assert.equal((await reload(c, newer.id)).status, 'recording');
      assert.deepEqual(await openTakes(c, twice), [newer.id]);
      // A retry of complete answers the current state.
      const retried = await c.post<Answer>(`/candidate/answers/${replaced.id}/complete`, {
        chunkCount: chunks.length,
      });
      assert.equal(retried.status, 202);
      assert.equal(retried.body.status, 'ready');
    });

    it('the first empty replaced take of a question is free (a reload while thinking), the second counts', async () => {
      const c = await candidate();
      const first = await startAnswer(c, twice);
      const second = await startAnswer(c, twice);
      const third = await startAnswer(c, twice);
      assert.match((await reload(c, first.id)).error ?? '', /does not count/);
      const charged = await reload(c, second.id);
      assert.equal(charged.tombstone, true);
      assert.match(charged.error ?? '', /counts as one of your attempts\.$/);
      assert.doesNotMatch(charged.error ?? '', /does not count/);
      // 1 + 1 retake: the second replaced take and the open third one use both.
      expectProblem(
        await c.post('/candidate/answers', { questionId: twice, mimeType: CLIP_MIME }),
        409,
        'retakes_exhausted',
      );
      assert.deepEqual(await openTakes(c, twice), [third.id]);
      // The candidate page is told which takes the server counts, so it shows what is left.
      const session = await c.get<{ answers: Answer[] }>('/candidate/session');
      assert.deepEqual(
        session.body.answers.map((a) => [a.id, a.countsAsAttempt]),
        [
          [first.id, false],
          [second.id, true],
          [third.id, true],
        ],
      );
    });

    it('abandoned takes never count, however many, nor block choosing extra time', async () => {
      const c = await candidate();
      for (let i = 0; i < 3; i++) {
        const take = await startAnswer(c, once);
        assert.equal((await c.post(`/candidate/answers/${take.id}/abandon`)).status, 204);
      }
      const extra = await c.post('/candidate/accommodations', { extraTime: true });
      assert.equal(extra.status, 200, JSON.stringify(extra.body));
      await startAnswer(c, once);
    });

    it('a tombstone takes no chunk beyond its budget (413) nor once the interview is finished (409)', async () => {
      const solo = await createInterview(admin, {
        questions: [quickQuestion('Only one.', 10, 2)],
      });
      const question = solo.questions[0]!.id;
      const c = await candidate(solo);
      const budget = answerBudget(10);
      const take = await startAnswer(c, question);
      assert.equal((await c.post(`/candidate/answers/${take.id}/abandon`)).status, 204);
      const first = Buffer.alloc(take.maxChunkBytes, 7);
      assert.equal((await c.putChunk(take.id, 0, first)).status, 200);
      const over = Buffer.alloc(budget.maxBytes - first.length + 1, 8);
      expectProblem(await c.putChunk(take.id, 1, over), 413, 'take_too_large');
      expectProblem(
        await c.putChunk(take.id, budget.maxChunkIndex + 1, Buffer.from('y')),
        409,
        'chunk_index_out_of_range',
      );
      assert.deepEqual((await reload(c, take.id)).receivedChunks, [0]);

      const empty = await startAnswer(c, question);
      await recordAnswer(c, question, CLIP_MIME, chunks);
      assert.equal((await reload(c, empty.id)).tombstone, true);
      assert.equal((await c.post('/candidate/finish')).status, 200);
      expectProblem(await c.putChunk(take.id, 1, chunks[1]!), 409, 'interview_completed');
      expectProblem(await c.putChunk(empty.id, 0, chunks[0]!), 409, 'interview_completed');
      expectProblem(
        await c.post(`/candidate/answers/${take.id}/complete`, { chunkCount: 1 }),
        409,
        'interview_completed',
      );
      assert.deepEqual((await reload(c, empty.id)).receivedChunks, []);
      assert.equal((await reload(c, take.id)).status, 'failed');
    });

    it('staff see the take handed in before a later tombstone, not the tombstone', async () => {
      const solo = await createInterview(admin, {
        questions: [quickQuestion('Only one.', 10, 2)],
      });
      const question = solo.questions[0]!.id;
      const [{ invitation, candidate: c }] = (await invite(admin, solo.id, 1)) as [any];
      const handedIn = await recordAnswer(c, question, CLIP_MIME, chunks);
      const later = await startAnswer(c, question);
      assert.equal((await c.post(`/candidate/answers/${later.id}/abandon`)).status, 204);
      await waitForAnswer(c, handedIn.id);
      const queue = await admin.get(`/review/queue?interviewId=${solo.id}&status=started`);
      assert.equal(queue.status, 200, JSON.stringify(queue.body));
      const item = queue.body.items.find((i: any) => i.invitationId === invitation.id);
      assert.deepEqual(
        item.answers.map((a: any) => [a.id, a.status]),
        [[handedIn.id, 'ready']],
      );
    });

    it('the sweep keeps a tombstone holding chunks like an open take, until the upload grace ends', async () => {
      const timed = await createInterview(admin, {
        deadline: new Date(clock.now().getTime() + 10 * 24 * HOUR).toISOString(),
        questions: [quickQuestion('Left.', 10, 1)],
      });
      const question = timed.questions[0]!.id;
      const c = await candidate(timed);
      const kept = await startAnswer(c, question);
      assert.equal((await c.post(`/candidate/answers/${kept.id}/abandon`)).status, 204);
      const left = await startAnswer(c, question);
      assert.equal((await c.post(`/candidate/answers/${left.id}/abandon`)).status, 204);
      await upload(c, kept.id);
      assert.equal((await c.putChunk(left.id, 0, chunks[0]!)).status, 200);

      // A week on, the interview is still open: a failed take's chunks would go, these stay.
      clock.advance(8 * 24 * HOUR);
      await sweepStaleChunks(server.deps);
      assert.deepEqual((await reload(c, kept.id)).receivedChunks, [0, 1, 2]);
      assert.deepEqual((await reload(c, left.id)).receivedChunks, [0]);
      await complete(c, kept.id);
      assert.equal((await waitForAnswer(c, kept.id)).status, 'ready');

      // Past the deadline and its upload grace: like an open take left behind, it is closed.
      clock.advance(3 * 24 * HOUR + HOUR);
      await sweepStaleChunks(server.deps);
      const expired = await server.deps.db
        .selectFrom('answers')
        .select(['status', 'failureCause'])
        .where('id', '=', left.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(expired, { status: 'failed', failureCause: 'expired' });
      const chunkRows = await server.deps.db
        .selectFrom('chunks')
        .select('idx')
        .where('answerId', '=', left.id)
        .execute();
      assert.deepEqual(chunkRows, []);
    });
  });
}
