import assert from 'node:assert/strict';
import type { Interview } from '../../server/contracts/api.js';
import { type Api, createInterview, invite, login } from '../helpers/api.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { Clock, HOUR, recordReadyClip, staffUser } from './support.js';
import { addMembers } from './teams-support.js';

/**
 * README: the review queue lists "candidates I have not fully rated first, then oldest
 * completion first". Three candidates finish an hour apart (A, then B, then C); one reviewer
 * rates all of A and half of C. A half-rated candidate is not fully rated: it stays in front.
 */
for (const setup of BOTH_SETUPS) {
  describe(`review queue order (${setup.database} + ${setup.storage})`, () => {
    const clock = new Clock();
    let server: TestServer;
    let admin: Api;
    let interview: Interview;
    /** Invitation ids in order of completion. */
    const finished: Record<'A' | 'B' | 'C', { invitationId: string; answerIds: string[] }> =
      {} as never;

    before(async function () {
      // Six real recordings converted by ffmpeg, one after another: on a loaded machine that
      // is minutes, not a sign of a hang.
      this.timeout(300_000);
      server = await startTestServer({ ...setup, now: clock.now });
      admin = await login(server.url);
      interview = await createInterview(admin, {
        questions: [
          { prompt: 'First question.', thinkSeconds: 0, maxSeconds: 30, retakes: 0 },
          { prompt: 'Second question.', thinkSeconds: 0, maxSeconds: 30, retakes: 0 },
        ],
      });
      const people = await invite(admin, interview.id, 3);
      for (const [i, name] of (['A', 'B', 'C'] as const).entries()) {
        const { invitation, candidate } = people[i]!;
        const answerIds: string[] = [];
        for (const q of interview.questions) {
          const take = await recordReadyClip(candidate, q.id);
          answerIds.push(take.id);
        }
        assert.equal((await candidate.post('/candidate/finish')).status, 200);
        finished[name] = { invitationId: invitation.id, answerIds };
        clock.advance(HOUR);
      }
    });
    after(() => server?.stop());

    const order = async (staff: Api) => {
      const res = await staff.get(`/review/queue?interviewId=${interview.id}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const names = new Map(Object.entries(finished).map(([n, f]) => [f.invitationId, n]));
      return res.body.items.map((item: { invitationId: string }) => names.get(item.invitationId));
    };

    it('puts the candidates I have not fully rated first, each group oldest completion first', async () => {
      const fresh = await staffUser(admin, 'reviewer', 'fresh');
      await addMembers(admin, interview.id, [{ staff: fresh, role: 'reviewer' }]);
      assert.deepEqual(await order(fresh), ['A', 'B', 'C'], 'nothing rated: oldest first');

      const busy = await staffUser(admin, 'reviewer', 'busy');
      await addMembers(admin, interview.id, [{ staff: busy, role: 'reviewer' }]);
      const rate = async (answerId: string) =>
        assert.equal((await busy.put(`/answers/${answerId}/ratings/me`, { score: 3 })).status, 200);
      for (const answerId of finished.A.answerIds) await rate(answerId);
      await rate(finished.C.answerIds[0]!);

      assert.deepEqual(await order(busy), ['B', 'C', 'A']);
      assert.deepEqual(
        await order(fresh),
        ['A', 'B', 'C'],
        "another reviewer's ratings change nothing",
      );
    });
  });
}
