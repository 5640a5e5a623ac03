import assert from 'node:assert/strict';
import { expectProblem, staffUser } from '../api/support.js';
import { addMembers } from '../api/teams-support.js';
import type { Api } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import { ONE_QUESTION, saveRating, seedReadyAnswer } from './support.js';

const REFERENCES = 12;

for (const config of BOTH_SETUPS) {
  describe(`calibration (${config.database})`, () => {
    let server: TestServer;
    let admin: Api;
    let ann: Api;
    let ben: Api;
    let rita: Api;
    let interviewId: string;
    let questionId: string;
    let live: { invitationId: string; answerId: string };
    let references: { invitationId: string; answerId: string }[];

    useTestServer(config, (started) => ({ server, admin } = started));

    before(async function () {
      this.timeout(120_000);
      [ann, ben, rita] = await Promise.all([
        staffUser(admin, 'reviewer', 'Ann'),
        staffUser(admin, 'reviewer', 'Ben'),
        staffUser(admin, 'recruiter', 'Rita'),
      ]);
      const created = await rita.post('/interviews', {
        title: 'Calibrated',
        questions: ONE_QUESTION,
      });
      interviewId = created.body.id;
      questionId = created.body.questions[0].id;
      // Teams: the reviewers review this interview as members of it.
      await addMembers(rita, interviewId, [
        { staff: ann, role: 'reviewer' },
        { staff: ben, role: 'reviewer' },
      ]);
      const invited = await rita.post(`/interviews/${interviewId}/invitations`, {
        candidates: Array.from({ length: REFERENCES + 1 }, (_, i) => ({
          name: i === 0 ? 'Live Candidate' : `Mock Staffmember ${i}`,
          email: `m${i}@calibration.test`,
        })),
      });
      const seeded = [];
      for (const invitation of invited.body.items) {
        seeded.push({
          invitationId: invitation.id,
          answerId: await seedReadyAnswer(server.deps.db, invitation.id, questionId),
        });
      }
      [live, ...references] = seeded as [typeof live, ...typeof references];
    });

    it('takes expert scores only on reference answers', async () => {
      expectProblem(
        await rita.put(`/answers/${live.answerId}/expert-score`, { score: 3, rationale: 'Fine.' }),
        409,
        'not_reference',
      );
      for (const ref of references) {
        const marked = await rita.put(`/invitations/${ref.invitationId}/reference`, {
          reference: true,
        });
        assert.deepEqual(marked.body, { invitationId: ref.invitationId, reference: true });
        const scored = await rita.put(`/answers/${ref.answerId}/expert-score`, {
          score: 3,
          rationale: 'Names the customer need, no follow-up.',
        });
        assert.equal(scored.status, 200, JSON.stringify(scored.body));
        assert.equal(scored.body.score, 3);
      }
      expectProblem(
        await ann.put(`/answers/${references[0]!.answerId}/expert-score`, {
          score: 3,
          rationale: 'x',
        }),
        403,
        'forbidden',
      );
      expectProblem(
        await rita.put(`/answers/nope/expert-score`, { score: 3, rationale: 'x' }),
        404,
        'not_found',
      );
      const bad = await rita.put(`/answers/${references[0]!.answerId}/expert-score`, { score: 6 });
      assert.equal(bad.status, 400);
    });

    it('keeps reference answers apart by default, pseudonymous in their own list', async () => {
      const queue = await ann.get(`/review/queue?interviewId=${interviewId}`);
      assert.deepEqual(
        queue.body.items.map((i: any) => i.invitationId),
        [live.invitationId],
      );
      const byQuestion = await ann.get(
        `/review/by-question?interviewId=${interviewId}&questionId=${questionId}`,
      );
      assert.deepEqual(
        byQuestion.body.items.map((i: any) => i.answerId),
        [live.answerId],
      );
      const list = await ann.get(`/review/calibration?interviewId=${interviewId}`);
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.deepEqual(
        list.body.items.map((i: any) => i.answerId).sort(),
        references.map((r) => r.answerId).sort(),
      );
      assert.doesNotMatch(JSON.stringify(list.body), /Staffmember/);
    });

    it('shows the expert score and reasoning once the reviewer has rated', async () => {
      const first = references[0]!.answerId;
      const before = await ann.get(`/answers/${first}/ratings`);
      assert.deepEqual(before.body, { items: [] });
      await saveRating(ann, first, 3);
      const after = await ann.get(`/answers/${first}/ratings`);
      assert.deepEqual(after.body.expert, {
        score: 3,
        rationale: 'Names the customer need, no follow-up.',
      });
      // A live answer has no expert.
      await saveRating(ann, live.answerId, 4);
      assert.equal((await ann.get(`/answers/${live.answerId}/ratings`)).body.expert, undefined);
    });

    it('reports bias, error, agreement and recent drift per reviewer', async () => {
      // Ann: on the expert's score twice, then a point above on nine of her last ten.
      const annScores = [3, 4, 4, 4, 4, 4, 4, 4, 4, 3, 4];
      for (const [i, score] of annScores.entries())
        await saveRating(ann, references[i + 1]!.answerId, score);
      // Ben: three ratings, no bias.
      for (const [i, score] of [2, 3, 4].entries())
        await saveRating(ben, references[i]!.answerId, score);
      // Rita, an organiser, rates an answer whose two ratings she may already see: not
      // independent, so she is listed with nothing measured.
      await saveRating(rita, references[0]!.answerId, 5);

      const res = await rita.get(`/interviews/${interviewId}/calibration`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const rows = Object.fromEntries(
        res.body.reviewers.map(({ recent, reviewer, ...r }: any) => [reviewer.name, r]),
      );
      assert.deepEqual(rows, {
        // All twelve: differences 0,0,1×8,0,1 → bias 9/12; last ten: 1×8, 0, 1 → 0.9.
        Ann: {
          rated: 12,
          bias: 0.75,
          mae: 0.75,
          exact: 0.25,
          adjacent: 1,
          recentBias: 0.9,
          alarm: true,
        },
        Ben: {
          rated: 3,
          bias: 0,
          mae: 0.667,
          exact: 0.333,
          adjacent: 1,
          recentBias: 0,
          alarm: false,
        },
        Rita: {
          rated: 0,
          bias: null,
          mae: null,
          exact: null,
          adjacent: null,
          recentBias: null,
          alarm: false,
        },
      });
      const annRecent = res.body.reviewers.find((r: any) => r.reviewer.name === 'Ann').recent;
      assert.equal(annRecent.length, 10);
      expectProblem(await ann.get(`/interviews/${interviewId}/calibration`), 403, 'forbidden');
      expectProblem(await rita.get('/interviews/nope/calibration'), 404, 'not_found');
    });

    it('never counts reference answers in results or reliability', async () => {
      const results = await admin.get(`/interviews/${interviewId}/results`);
      assert.deepEqual(
        results.body.items.map((i: any) => [i.invitationId, i.overall.n]),
        [[live.invitationId, 1]],
      );
      const reliability = await admin.get(`/interviews/${interviewId}/reliability`);
      assert.deepEqual(reliability.body.overall, { alpha: null, units: 0, ratings: 0 });
    });

    it('seeds reference answers unmarked among live ones when asked', async () => {
      const patched = await rita.request('PATCH', `/interviews/${interviewId}`, {
        review: { calibration: 'seeded' },
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.equal(patched.body.review.calibration, 'seeded');
      const byQuestion = await ben.get(
        `/review/by-question?interviewId=${interviewId}&questionId=${questionId}`,
      );
      assert.equal(byQuestion.body.items.length, REFERENCES + 1);
      const queue = await ben.get(`/review/queue?interviewId=${interviewId}`);
      assert.equal(queue.body.items.length, REFERENCES + 1);
      // Unmarked: the items look alike, and none names a mock.
      const keys = new Set(queue.body.items.map((i: any) => Object.keys(i).sort().join()));
      assert.equal(keys.size, 1);
      assert.doesNotMatch(JSON.stringify(queue.body), /Staffmember|reference/i);
    });
  });
}
