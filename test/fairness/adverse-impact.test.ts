import assert from 'node:assert/strict';
import { SELF_ID_DEFAULTS } from '../../server/contracts/fairness.js';
import { expectProblem, staffUser } from '../api/support.js';
import { type Api, tokenOf } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import { insertReadyAnswer, saveRating } from './support.js';

/** One candidate of the data set: what they said, and how far they got. */
interface Person {
  gender?: 'woman' | 'man' | 'another' | 'declined';
  location: 'paris' | 'lyon';
  completed: boolean;
  advanced?: boolean;
  /** Their one answer's score, when rated. */
  score?: number;
  reference?: boolean;
}

function many(count: number, person: Person): Person[] {
  return Array.from({ length: count }, () => ({ ...person }));
}

/** Completed people in Paris with one rated answer each, one a score. */
function rated(gender: 'woman' | 'man', scores: number[]): Person[] {
  return scores.map((score) => ({ gender, location: 'paris', completed: true, score }));
}

/**
 * Paris reproduces the EEOC's worked example at the "advanced" stage: 48 of 80 women and 12 of
 * 40 men advanced. Expected figures were computed independently (SciPy's fisher_exact and the
 * textbook pooled z formula) and are written out here.
 */
const PEOPLE: Person[] = [
  ...many(48, { gender: 'woman', location: 'paris', completed: true, advanced: true }),
  // Six completed women and six completed men have a rated answer (scores 1…5).
  ...rated('woman', [1, 2, 3, 4, 5, 5]),
  ...many(26, { gender: 'woman', location: 'paris', completed: true }),
  ...many(10, { gender: 'woman', location: 'paris', completed: false }),
  ...many(12, { gender: 'man', location: 'paris', completed: true, advanced: true }),
  ...rated('man', [1, 1, 2, 2, 3, 3]),
  ...many(22, { gender: 'man', location: 'paris', completed: true }),
  ...many(4, { gender: 'man', location: 'paris', completed: false }),
  // Too few to report, and people who said nothing or declined: never a group.
  ...many(3, { gender: 'another', location: 'paris', completed: true, advanced: true }),
  ...many(10, { gender: 'declined', location: 'paris', completed: true, advanced: true }),
  ...many(5, { location: 'paris', completed: true }),
  ...many(6, { gender: 'woman', location: 'lyon', completed: true }),
  // A reference (calibration) invitation counts nowhere.
  { gender: 'man', location: 'paris', completed: true, advanced: true, score: 5, reference: true },
];

for (const config of BOTH_SETUPS) {
  describe(`adverse-impact report (${config.database})`, () => {
    let server: TestServer;
    let admin: Api;
    let interviewId: string;

    useTestServer(config, (started) => ({ server, admin } = started));

    before(async function () {
      this.timeout(300_000);
      const form = await admin.put('/fairness/self-id', { ...SELF_ID_DEFAULTS, enabled: true });
      assert.equal(form.status, 200, JSON.stringify(form.body));
      const created = await admin.post('/interviews', {
        title: 'Client advisor',
        questions: [{ prompt: 'Tell us.', thinkSeconds: 10, maxSeconds: 60, retakes: 0 }],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      interviewId = created.body.id;
      const questionId = created.body.questions[0].id;
      const invited = await admin.post(`/interviews/${interviewId}/invitations`, {
        candidates: PEOPLE.map((_, i) => ({ name: `Person ${i}`, email: `p${i}@impact.test` })),
      });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      const db = server.deps.db;
      const now = new Date().toISOString();
      for (const [i, person] of PEOPLE.entries()) {
        const invitation = invited.body.items[i];
        if (person.gender) {
          const put = await admin
            .as(tokenOf(invitation.url))
            .put('/candidate/self-id', { answers: { gender: person.gender } });
          assert.equal(put.status, 204, JSON.stringify(put.body));
        }
        // What the candidate's recording and finishing would leave behind (the recording path
        // has its own tests): the invitation's status, place, and an answer to rate.
        await db
          .updateTable('invitations')
          .set({
            locationKey: person.location,
            ...(person.completed ? { status: 'completed', completedAt: now } : {}),
          })
          .where('id', '=', invitation.id)
          .execute();
        if (person.advanced) {
          const put = await admin.put(`/invitations/${invitation.id}/decision`, {
            outcome: 'advance',
          });
          assert.equal(put.status, 200, JSON.stringify(put.body));
        }
        if (person.score) {
          const answerId = await insertReadyAnswer(db, invitation.id, questionId, now);
          await saveRating(admin, answerId, person.score);
        }
        if (person.reference) {
          const put = await admin.put(`/invitations/${invitation.id}/reference`, {
            reference: true,
          });
          assert.deepEqual(put.body, { invitationId: invitation.id, reference: true });
        }
      }
    });

    // Positional builders so each expected figure of the report reads as one line.
    const group = (option: string, n: number, selected: number, rate: number) => ({
      option,
      n,
      selected,
      rate,
    });
    const versus = (
      option: string,
      impactRatio: number,
      z: number,
      pTwoSided: number,
      pFisher: number,
      flagged: boolean,
    ) => ({ option, impactRatio, z, pTwoSided, pFisher, flagged });
    const stageOf = (body: any, stage: string, key = 'gender') =>
      body.stages.find((s: any) => s.stage === stage).categories.find((c: any) => c.key === key);

    it('reproduces the EEOC example in Paris, per stage, to four decimals', async () => {
      const res = await admin.get(`/interviews/${interviewId}/adverse-impact?location=paris`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.stages.map((s: any) => [s.stage, s.categories.map((c: any) => c.key)]),
        [
          ['completed', ['gender', 'age']],
          ['advanced', ['gender', 'age']],
          ['scored-above-median', ['gender', 'age']],
        ],
      );
      // The gender category at each stage: its groups, the reference group, the one comparison.
      const paris = [
        [
          'advanced',
          [group('woman', 80, 48, 0.6), group('man', 40, 12, 0.3)],
          'woman',
          versus('man', 0.5, 3.0984, 0.0019, 0.0034, true),
        ],
        [
          'completed',
          [group('woman', 90, 80, 0.8889), group('man', 44, 40, 0.9091)],
          'man',
          versus('woman', 0.9778, 0.359, 0.7196, 1, false),
        ],
        // Means 1,1,1,2,2,2,3,3,3,4,5,5: median 2.5; women 4 of 6 above, men 2 of 6.
        [
          'scored-above-median',
          [group('woman', 6, 4, 0.6667), group('man', 6, 2, 0.3333)],
          'woman',
          versus('man', 0.5, 1.1547, 0.2482, 0.5671, false),
        ],
      ] as const;
      for (const [stage, groups, referenceOption, comparison] of paris)
        assert.deepEqual(
          stageOf(res.body, stage),
          {
            key: 'gender',
            groups,
            referenceOption,
            comparisons: [comparison],
            suppressed: ['another'],
          },
          stage,
        );
      // Nobody answered the age question: every band is too small to report.
      assert.deepEqual(stageOf(res.body, 'completed', 'age'), {
        key: 'age',
        groups: [],
        referenceOption: null,
        comparisons: [],
        suppressed: ['under-40', '40-plus'],
      });
    });

    it('covers every location without the filter, and another location alone', async () => {
      const all = await admin.get(`/interviews/${interviewId}/adverse-impact`);
      assert.equal(all.status, 200, JSON.stringify(all.body));
      assert.deepEqual(stageOf(all.body, 'advanced').groups, [
        group('woman', 86, 48, 0.5581),
        group('man', 40, 12, 0.3),
      ]);
      assert.deepEqual(stageOf(all.body, 'advanced').comparisons, [
        versus('man', 0.5375, 2.7007, 0.0069, 0.0078, true),
      ]);
      assert.deepEqual(stageOf(all.body, 'completed').comparisons, [
        versus('woman', 0.9854, 0.2427, 0.8082, 1, false),
      ]);
      const lyon = await admin.get(`/interviews/${interviewId}/adverse-impact?location=lyon`);
      assert.deepEqual(stageOf(lyon.body, 'completed'), {
        key: 'gender',
        groups: [group('woman', 6, 6, 1)],
        referenceOption: 'woman',
        comparisons: [],
        suppressed: ['man', 'another'],
      });
    });

    it('answers admins only; 404 for an unknown interview', async () => {
      const recruiter = await staffUser(admin, 'recruiter');
      expectProblem(
        await recruiter.get(`/interviews/${interviewId}/adverse-impact`),
        403,
        'forbidden',
      );
      expectProblem(await admin.get('/interviews/nope/adverse-impact'), 404, 'not_found');
    });

    it('leaves the reference invitation out of results, CSV, counts and decisions', async () => {
      const results = await admin.get(`/interviews/${interviewId}/results`);
      assert.equal(results.body.items.length, PEOPLE.length - 1);
      const stats = await admin.get(`/interviews/${interviewId}/stats`);
      const counted = Object.values(stats.body.invitations as Record<string, number>).reduce(
        (a, b) => a + b,
      );
      assert.equal(counted, PEOPLE.length - 1);
      const csv = await admin.get(`/interviews/${interviewId}/ratings.csv`);
      // Twelve rated candidates, not thirteen: one header line, twelve rows.
      assert.equal(String(csv.body).trim().split('\n').length, 13);
      const invitations = await admin.get(`/interviews/${interviewId}/invitations`);
      const reference = invitations.body.items.find((i: any) => i.reference);
      assert.ok(reference, 'the list marks the reference invitation');
      expectProblem(
        await admin.put(`/invitations/${reference.id}/decision`, { outcome: 'hold' }),
        409,
        'reference_invitation',
      );
      expectProblem(
        await admin.put(`/invitations/${reference.id}/feedback`, { competencies: [] }),
        409,
        'reference_invitation',
      );
    });
  });
}
