import assert from 'node:assert/strict';
import type { Answer, Interview } from '../../server/contracts/api.js';
import { sweepStaleChunks } from '../../server/jobs/sweep-stale-chunks.js';
import { answerBudget } from '../../server/media/answer-budget.js';
import { type Api, createInterview, recordAnswer, waitForAnswer } from '../helpers/api.js';
import { decodeBomb } from '../helpers/decode-bomb.js';
import { notMediaBytes } from '../helpers/media-fixtures.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import {
  CLIP_MIME,
  clipChunks,
  expectProblem,
  HOUR,
  newCandidate,
  quickQuestion,
  reload,
  startAnswer,
  useClockedServer,
} from './support.js';

/** Issue 8's attacks on media and storage, each tried through the API as a candidate would. */
for (const config of BOTH_SETUPS) {
  describe(`a hostile candidate cannot flood storage, jobs or a finished interview (${config.database} + ${config.storage})`, function () {
    this.timeout(300_000);
    let server: TestServer;
    let admin: Api;
    /** Questions of 10 seconds: 0 with 3 retakes, 1 with 1 retake. */
    let interview: Interview;
    let short: string;
    let oneRetake: string;
    const budget = answerBudget(10);

    const clock = useClockedServer(config, (s) => ({ server, admin } = s));

    before(async () => {
      interview = await createInterview(admin, {
        questions: [
          quickQuestion('Ten seconds.', 10, 3),
          quickQuestion('Ten seconds, one retake.', 10, 1),
        ],
      });
      [short, oneRetake] = interview.questions.map((q) => q.id) as [string, string];
    });

    const candidate = (of: Interview = interview) => newCandidate(admin, of.id);

    async function submit(c: Api, answerId: string, chunkCount: number, durationMs?: number) {
      const res = await c.post<Answer>(`/candidate/answers/${answerId}/complete`, {
        chunkCount,
        durationMs,
      });
      assert.equal(res.status, 202, JSON.stringify(res.body));
    }

    async function notMediaTake(c: Api, questionId: string): Promise<Answer> {
      const take = await startAnswer(c, questionId, 'video/webm');
      assert.equal((await c.putChunk(take.id, 0, notMediaBytes())).status, 200);
      await submit(c, take.id, 1);
      return waitForAnswer(c, take.id);
    }

    it('refuses a chunk that would take a take past its byte budget (413 take_too_large)', async () => {
      const c = await candidate();
      const take = await startAnswer(c, short);
      const first = Buffer.alloc(take.maxChunkBytes, 7);
      assert.equal((await c.putChunk(take.id, 0, first)).status, 200);
      const over = Buffer.alloc(budget.maxBytes - first.length + 1, 8);
      expectProblem(await c.putChunk(take.id, 1, over), 413, 'take_too_large');
      assert.deepEqual((await reload(c, take.id)).receivedChunks, [0]);
      // Within the budget the take carries on.
      assert.equal((await c.putChunk(take.id, 1, Buffer.from('more'))).status, 200);
    });

    it("refuses a chunk index beyond what the question's length allows (409 chunk_index_out_of_range)", async () => {
      const c = await candidate();
      const take = await startAnswer(c, short);
      assert.equal((await c.putChunk(take.id, budget.maxChunkIndex, Buffer.from('x'))).status, 200);
      expectProblem(
        await c.putChunk(take.id, budget.maxChunkIndex + 1, Buffer.from('y')),
        409,
        'chunk_index_out_of_range',
      );
      assert.deepEqual((await reload(c, take.id)).receivedChunks, [budget.maxChunkIndex]);
    });

    it('keeps one open take per question: a new take submits the chunks of the old one, or closes it if empty', async () => {
      const c = await candidate();
      const chunks = await clipChunks(3);
      const first = await startAnswer(c, short);
      for (const [i, chunk] of chunks.entries())
        assert.equal((await c.putChunk(first.id, i, chunk)).status, 200);
      const second = await startAnswer(c, short);
      // Nothing recorded is lost: the first take is submitted with what it held.
      assert.notEqual((await reload(c, first.id)).status, 'recording');
      assert.equal((await waitForAnswer(c, first.id)).status, 'ready');
      const third = await startAnswer(c, short);
      const closed = await reload(c, second.id);
      assert.equal(closed.status, 'failed');
      assert.match(closed.error ?? '', /newer take replaced this one/);
      // A tombstone: a device holding its recording may still send it, but it never reopens.
      assert.equal(closed.tombstone, true);
      assert.equal((await c.putChunk(second.id, 0, chunks[0]!)).status, 200);
      assert.equal((await reload(c, second.id)).status, 'failed');
      const session = await c.get<{ answers: Answer[] }>('/candidate/session');
      const open = session.body.answers.filter(
        (a) => a.questionId === short && a.status === 'recording',
      );
      assert.deepEqual(
        open.map((a) => a.id),
        [third.id],
      );
    });

    it('charges a take that is not media after the first such failure of a question, and says so', async () => {
      const c = await candidate();
      const firstBad = await notMediaTake(c, oneRetake);
      assert.equal(firstBad.status, 'failed');
      assert.match(firstBad.error!, /does not count as one of your attempts/);
      const secondBad = await notMediaTake(c, oneRetake);
      assert.equal(secondBad.status, 'failed');
      assert.match(secondBad.error!, /counts as one of your attempts\.$/);
      assert.doesNotMatch(secondBad.error!, /does not count/);
      // 1 + 1 retake: the second bad take used one attempt, this is the last.
      await startAnswer(c, oneRetake);
      expectProblem(
        await c.post('/candidate/answers', { questionId: oneRetake, mimeType: 'video/webm' }),
        409,
        'retakes_exhausted',
      );
    });

    it('takes no chunk, complete or new take once the interview is finished (409 interview_completed)', async () => {
      const solo = await createInterview(admin, {
        questions: [quickQuestion('Only one.', 10, 2)],
      });
      const question = solo.questions[0]!.id;
      const c = await candidate(solo);
      const chunks = await clipChunks(3);
      await recordAnswer(c, question, CLIP_MIME, chunks);
      // A second take opened before finishing, part-uploaded: it must not replace the first.
      const late = await startAnswer(c, question);
      assert.equal((await c.putChunk(late.id, 0, chunks[0]!)).status, 200);
      assert.equal((await c.post('/candidate/finish')).status, 200);

      expectProblem(await c.putChunk(late.id, 1, chunks[1]!), 409, 'interview_completed');
      expectProblem(
        await c.post(`/candidate/answers/${late.id}/complete`, { chunkCount: 1 }),
        409,
        'interview_completed',
      );
      expectProblem(
        await c.post('/candidate/answers', { questionId: question, mimeType: CLIP_MIME }),
        409,
        'interview_completed',
      );
      const after = await reload(c, late.id);
      assert.equal(after.status, 'recording');
      assert.deepEqual(after.receivedChunks, [0]);
    });

    it("refuses a decode bomb at once and for good, while another candidate's answer is processed", async () => {
      const attacker = await candidate();
      const honest = await candidate();
      const bomb = await startAnswer(attacker, short, 'video/webm');
      assert.equal((await attacker.putChunk(bomb.id, 0, await decodeBomb())).status, 200);
      await submit(attacker, bomb.id, 1, 10_000);
      const fair = await recordAnswer(honest, short, CLIP_MIME, await clipChunks(3));

      const refused = await waitForAnswer(attacker, bomb.id, 120_000);
      assert.equal(refused.status, 'failed');
      assert.match(refused.error!, /far more picture than a camera makes/);
      assert.equal((await waitForAnswer(honest, fair.id, 120_000)).status, 'ready');
      // Final: one try, not four (the embedded queue keeps its jobs in the database).
      const job = await server.deps.db
        .selectFrom('jobs')
        .select(['attempts', 'status'])
        .where('id', '=', `process-answer:${bomb.id}`)
        .executeTakeFirstOrThrow();
      assert.deepEqual(job, { attempts: 1, status: 'failed' });
    });

    it('sweeps the chunks of takes left open past the upload grace, never those of a failed take', async () => {
      const timed = await createInterview(admin, {
        deadline: new Date(clock.now().getTime() + HOUR).toISOString(),
        questions: [quickQuestion('Left open.', 10, 1), quickQuestion('Failed.', 10, 1)],
      });
      const [q1, q2] = timed.questions.map((q) => q.id) as [string, string];
      const c = await candidate(timed);
      const open = await startAnswer(c, q1);
      assert.equal((await c.putChunk(open.id, 0, Buffer.from('part of a take'))).status, 200);
      const failed = await notMediaTake(c, q2);
      assert.equal(failed.status, 'failed');
      const keysOf = async (answerId: string) =>
        (
          await server.deps.db
            .selectFrom('chunks')
            .select('storageKey')
            .where('answerId', '=', answerId)
            .execute()
        ).map((row) => row.storageKey);
      const [openKey] = await keysOf(open.id);
      const [failedKey] = await keysOf(failed.id);
      const stored = async (key: string) =>
        server.deps.storage.get(key).then(
          async ({ body }) => {
            for await (const _ of body);
            return true;
          },
          () => false,
        );

      // Closed a day ago, but the upload grace (24 h after closing) still runs: nothing goes.
      clock.advance(HOUR + 23 * HOUR);
      await sweepStaleChunks(server.deps);
      assert.deepEqual(await keysOf(open.id), [openKey]);
      assert.equal(await stored(openKey!), true);

      // Grace over: the open take's chunks go (two sweeps at once, as two processes would).
      clock.advance(2 * HOUR);
      await Promise.all([sweepStaleChunks(server.deps), sweepStaleChunks(server.deps)]);
      assert.deepEqual(await keysOf(open.id), []);
      assert.equal(await stored(openKey!), false);
      assert.equal((await reload(c, open.id)).status, 'failed');
      assert.deepEqual(await keysOf(failed.id), [failedKey]);

      // What the candidate recorded is kept while the interview keeps its data, however long the
      // take has been failed: only the retention date's erasure removes it.
      clock.advance(60 * 24 * HOUR);
      await sweepStaleChunks(server.deps);
      assert.deepEqual(await keysOf(failed.id), [failedKey], 'a failed take keeps its chunks');
      assert.equal(await stored(failedKey!), true);
    });
  });
}
