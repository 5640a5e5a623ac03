/**
 * Extension (issue 21): `POST /candidate/answers/:id/discard`. An interrupted retake waits for
 * the candidate's choice; keeping the complete answer before it sets the retake aside, so that
 * the complete answer stays the one reviewed. The retake still counts as an attempt.
 */
import assert from 'node:assert/strict';
import type { Answer, Interview } from '../../server/contracts/api.js';
import { type Api, createInterview, invite, login } from '../helpers/api.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { clipChunks, expectProblem, reload, startAnswer } from './support.js';

for (const config of BOTH_SETUPS) {
  describe(`POST /candidate/answers/:id/discard (${config.database} + ${config.storage} storage)`, () => {
    let server: TestServer;
    let admin: Api;
    let interview: Interview;
    let questionId: string;
    let clip: Buffer[];

    before(async () => {
      server = await startTestServer(config);
      admin = await login(server.url);
      interview = await createInterview(admin, {
        questions: [{ prompt: 'One retake allowed.', thinkSeconds: 0, maxSeconds: 60, retakes: 1 }],
      });
      questionId = interview.questions[0]!.id;
      clip = await clipChunks(2);
    });
    after(() => server?.stop());

    async function candidate(): Promise<{ c: Api; invitationId: string }> {
      const [invited] = await invite(admin, interview.id, 1);
      return { c: invited!.candidate, invitationId: invited!.invitation.id };
    }

    /** A take handed in whole: both chunks of the clip, then `complete`. */
    async function completeTake(c: Api): Promise<Answer> {
      const take = await startAnswer(c, questionId);
      for (const [i, chunk] of clip.entries())
        assert.equal((await c.putChunk(take.id, i, chunk)).status, 200);
      const done = await c.post<Answer>(`/candidate/answers/${take.id}/complete`, {
        chunkCount: clip.length,
      });
      assert.equal(done.status, 202, JSON.stringify(done.body));
      return done.body;
    }

    /** A retake cut short after its first chunk (a reload), still open on the server. */
    async function interruptedRetake(c: Api): Promise<Answer> {
      const take = await startAnswer(c, questionId);
      assert.equal((await c.putChunk(take.id, 0, clip[0]!)).status, 200);
      return take;
    }

    it('sets the interrupted retake aside: the complete answer is the one reviewed', async () => {
      const { c, invitationId } = await candidate();
      const complete = await completeTake(c);
      const retake = await interruptedRetake(c);

      const res = await c.post<Answer>(`/candidate/answers/${retake.id}/discard`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        [res.body.id, res.body.status, res.body.tombstone, res.body.receivedChunks],
        [retake.id, 'failed', false, [0]],
      );
      assert.match(res.body.error ?? '', /keep an earlier answer.*counts as one of your attempts/);
      // Again: it already is.
      const again = await c.post<Answer>(`/candidate/answers/${retake.id}/discard`);
      assert.equal(again.status, 200);
      assert.equal(again.body.status, 'failed');

      const session = (await c.get('/candidate/session')).body.answers as Answer[];
      assert.deepEqual(
        session.map((a) => [
          a.id,
          a.status === 'failed' ? 'failed' : 'submitted',
          a.countsAsAttempt,
        ]),
        [
          [complete.id, 'submitted', true],
          [retake.id, 'failed', true],
        ],
      );
      // Set aside for good: no more chunks, `complete` leaves it as it is, no third take.
      expectProblem(await c.putChunk(retake.id, 1, clip[1]!), 409, 'answer_closed');
      const completed = await c.post<Answer>(`/candidate/answers/${retake.id}/complete`, {
        chunkCount: 1,
      });
      assert.equal(completed.body.status, 'failed');
      expectProblem(
        await c.post('/candidate/answers', { questionId, mimeType: 'video/webm' }),
        409,
        'retakes_exhausted',
      );

      assert.equal((await c.post('/candidate/finish')).status, 200);
      const queue = await admin.get(`/review/queue?interviewId=${interview.id}`);
      const mine = queue.body.items.find(
        (i: { invitationId: string }) => i.invitationId === invitationId,
      );
      assert.deepEqual(
        mine.answers.map((a: { id: string }) => a.id),
        [complete.id],
      );
    });

    it('refuses a take with no complete answer before it (409 no_earlier_take) and keeps it open', async () => {
      const { c } = await candidate();
      const first = await interruptedRetake(c);
      expectProblem(await c.post(`/candidate/answers/${first.id}/discard`), 409, 'no_earlier_take');
      assert.equal((await reload(c, first.id)).status, 'recording');
    });

    it('sets aside a tombstone too (closed elsewhere while a device held its recording)', async () => {
      const { c } = await candidate();
      await completeTake(c);
      const empty = await startAnswer(c, questionId);
      assert.equal((await c.post(`/candidate/answers/${empty.id}/abandon`)).status, 204);
      const res = await c.post<Answer>(`/candidate/answers/${empty.id}/discard`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual([res.body.tombstone, res.body.discarded], [false, true]);
      expectProblem(await c.putChunk(empty.id, 0, clip[0]!), 409, 'answer_closed');
    });

    it('refuses a take already handed in (409 answer_closed)', async () => {
      const { c } = await candidate();
      await completeTake(c);
      const second = await completeTake(c);
      expectProblem(await c.post(`/candidate/answers/${second.id}/discard`), 409, 'answer_closed');
      assert.notEqual((await reload(c, second.id)).status, 'failed');
    });

    it("answers 404 for another candidate's take and leaves it alone", async () => {
      const [owner, other] = [await candidate(), await candidate()];
      await completeTake(owner.c);
      const retake = await interruptedRetake(owner.c);
      expectProblem(
        await other.c.post(`/candidate/answers/${retake.id}/discard`),
        404,
        'not_found',
      );
      expectProblem(await other.c.post('/candidate/answers/nope/discard'), 404, 'not_found');
      assert.equal((await reload(owner.c, retake.id)).status, 'recording');
    });
  });
}
