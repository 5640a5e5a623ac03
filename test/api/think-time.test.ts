/**
 * Issue 9: a reload during the thinking time must not give a fresh thinking time. The server
 * says how much of it a take has left (`thinkRemainingMs`), on its own clock.
 */
import assert from 'node:assert/strict';
import type { Answer, CandidateSession, Interview } from '../../server/contracts/api.js';
import { type Api, createInterview, invite } from '../helpers/api.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import { CLIP_MIME, clipChunks, reload, startAnswer, useClockedServer } from './support.js';

for (const config of BOTH_SETUPS) {
  describe(`thinking time left on a take (${config.database} + ${config.storage})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let admin: Api;
    /** 20 s to think. */
    let interview: Interview;
    let questionId: string;

    const clock = useClockedServer(config, (s) => ({ server, admin } = s));

    before(async () => {
      // Still between moves: "15 s left" is exact, however long the requests in between took.
      clock.freeze();
      interview = await createInterview(admin, {
        questions: [{ prompt: 'Think first.', thinkSeconds: 20, maxSeconds: 30, retakes: 1 }],
      });
      questionId = interview.questions[0]!.id;
    });

    async function candidate(): Promise<Api> {
      const [invited] = await invite(admin, interview.id, 1);
      return invited!.candidate;
    }

    async function sessionAnswer(c: Api, answerId: string): Promise<Answer> {
      const res = await c.get<CandidateSession>('/candidate/session');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.answers.find((a) => a.id === answerId)!;
    }

    it('counts down on the server clock, whatever the device says', async () => {
      const c = await candidate();
      const started = await startAnswer(c, questionId);
      assert.equal(started.thinkRemainingMs, 20_000);

      clock.advance(5_000);
      const again = await reload(c, started.id);
      assert.equal(again.thinkRemainingMs, 15_000);
      const listed = await sessionAnswer(c, started.id);
      assert.equal(listed.thinkRemainingMs, 15_000);

      // Past the thinking time it is 0, never negative.
      clock.advance(60_000);
      assert.equal((await reload(c, started.id)).thinkRemainingMs, 0);
      assert.equal((await sessionAnswer(c, started.id)).thinkRemainingMs, 0);
    });

    it('includes extra time', async () => {
      const c = await candidate();
      const asked = await c.post('/candidate/accommodations', { extraTime: true });
      assert.equal(asked.status, 200, JSON.stringify(asked.body));
      const started = await startAnswer(c, questionId);
      assert.equal(started.thinkRemainingMs, 30_000, '20 s × 1.5');
      clock.advance(5_000);
      const again = await reload(c, started.id);
      assert.equal(again.thinkRemainingMs, 25_000);
    });

    it('is null once the take holds a chunk or is closed, and staff never see it', async () => {
      const c = await candidate();
      const started = await startAnswer(c, questionId);
      const [chunk] = await clipChunks(1);
      const put = await c.putChunk(started.id, 0, chunk!, { sha256: true });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.equal((await reload(c, started.id)).thinkRemainingMs, null);
      assert.equal((await sessionAnswer(c, started.id)).thinkRemainingMs, null);

      const done = await c.post<Answer>(`/candidate/answers/${started.id}/complete`, {
        chunkCount: 1,
      });
      assert.equal(done.status, 202, JSON.stringify(done.body));
      assert.equal((await reload(c, started.id)).thinkRemainingMs, null);

      const empty = await startAnswer(c, questionId, CLIP_MIME);
      const abandoned = await c.post(`/candidate/answers/${empty.id}/abandon`, {});
      assert.equal(abandoned.status, 204);
      assert.equal((await reload(c, empty.id)).thinkRemainingMs, null);

      const staff = await admin.get(`/answers/${started.id}`);
      assert.equal(staff.status, 200, JSON.stringify(staff.body));
      assert.ok(!('thinkRemainingMs' in staff.body), 'not in the staff view');
    });
  });
}
