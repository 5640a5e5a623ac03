import assert from 'node:assert/strict';
import type { Interview } from '../../server/contracts/api.js';
import { staffUser } from '../api/support.js';
import { addMembers } from '../api/teams-support.js';
import { type Api, invite } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import {
  type Finished,
  finishedCandidates,
  ONE_QUESTION,
  saveRating,
  seedReadyAnswer,
} from './support.js';

/**
 * Sealed for organisers too (API.md, third release): a rating saved after its rater read the
 * interview's results, reliability or CSV while a colleague's score of that answer existed is
 * not independent, and reliability leaves it out.
 */
for (const config of BOTH_SETUPS) {
  describe(`sealed for organisers (${config.database})`, () => {
    let server: TestServer;
    let admin: Api;
    let ann: Api;
    let ben: Api;
    let rita: Api;
    let ravi: Api;
    let rosa: Api;
    let interview: Interview;
    let candidates: Finished[];

    useTestServer(config, (started) => ({ server, admin } = started));

    before(async function () {
      this.timeout(300_000);
      [ann, ben, rita, ravi, rosa] = await Promise.all([
        staffUser(admin, 'reviewer', 'Ann'),
        staffUser(admin, 'reviewer', 'Ben'),
        staffUser(admin, 'recruiter', 'Rita'),
        staffUser(admin, 'recruiter', 'Ravi'),
        staffUser(admin, 'recruiter', 'Rosa'),
      ]);
      // Five ratings required: no organiser sees an answer's ratings through its own endpoint.
      const created = await admin.post('/interviews', {
        title: 'Sealed',
        questions: ONE_QUESTION,
        review: { ratingsRequired: 5 },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      interview = created.body;
      // Teams: everyone here works on this interview as a member of it.
      await addMembers(admin, interview.id, [
        { staff: ann, role: 'reviewer' },
        { staff: ben, role: 'reviewer' },
        { staff: rita, role: 'recruiter' },
        { staff: ravi, role: 'recruiter' },
        { staff: rosa, role: 'recruiter' },
      ]);
      candidates = await finishedCandidates(admin, interview, [
        { name: 'First Person', email: 'first@sealed.test' },
        { name: 'Second Person', email: 'second@sealed.test' },
      ]);
    });

    it('a rating saved after reading results, CSV or reliability is not independent', async () => {
      const [one, two] = candidates.map((c) => c.answers[0]!.id) as [string, string];
      const annOne = await saveRating(ann, one, 2);
      assert.equal(annOne.independent, true);
      assert.equal(annOne.firstScore, 2);
      await saveRating(ann, two, 4);

      // Rita reads the results, then rates the first answer: she had seen Ann's score.
      assert.equal((await rita.get(`/interviews/${interview.id}/results`)).status, 200);
      const ritaOne = await saveRating(rita, one, 2);
      assert.deepEqual([ritaOne.independent, ritaOne.firstScore], [false, null]);

      // Ravi downloads the CSV, the admin reads reliability: both then rate the second answer.
      assert.equal((await ravi.get(`/interviews/${interview.id}/ratings.csv`)).status, 200);
      const raviTwo = await saveRating(ravi, two, 5);
      assert.deepEqual([raviTwo.independent, raviTwo.firstScore], [false, null]);
      assert.equal((await admin.get(`/interviews/${interview.id}/reliability`)).status, 200);
      const adminTwo = await saveRating(admin, two, 1);
      assert.deepEqual([adminTwo.independent, adminTwo.firstScore], [false, null]);

      // Rosa rates first, then reads results, then changes her mind: her first score stands.
      const rosaOne = await saveRating(rosa, one, 5);
      assert.equal(rosaOne.independent, true);
      assert.equal((await rosa.get(`/interviews/${interview.id}/results`)).status, 200);
      const rosaRevised = await saveRating(rosa, one, 3);
      assert.deepEqual(
        [rosaRevised.independent, rosaRevised.firstScore, rosaRevised.revisedAfterReveal],
        [true, 5, true],
      );

      // Ben never read anything: independent. Rating a second time keeps it so.
      await saveRating(ben, one, 3);
      assert.equal((await saveRating(ben, one, 4)).independent, true);

      // Everyone who rated sees the same flags in the answer's ratings.
      const listed = await ann.get(`/answers/${one}/ratings`);
      const flags = Object.fromEntries(
        listed.body.items.map((r: any) => [r.reviewer.name, [r.independent, r.firstScore]]),
      );
      assert.deepEqual(flags, {
        Ann: [true, 2],
        Rita: [false, null],
        Rosa: [true, 5],
        Ben: [true, 3],
      });
    });

    it('reliability counts only independent first scores', async () => {
      const res = await admin.get(`/interviews/${interview.id}/reliability`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      // First answer: Ann 2, Rosa 5, Ben 3 (Rita's left out). Second: only Ann's is
      // independent, so it is no unit.
      assert.deepEqual(
        { units: res.body.overall.units, ratings: res.body.overall.ratings },
        { units: 1, ratings: 3 },
      );
      const names = res.body.reviewers.map((r: any) => r.reviewer.name).sort();
      assert.deepEqual(names, ['Ann', 'Ben', 'Rosa']);
      const rosa = res.body.reviewers.find((r: any) => r.reviewer.name === 'Rosa');
      // 5 − mean(2, 3)
      assert.equal(rosa.meanDeviation, 2.5);
    });

    it('reading results of an interview with no colleague score yet changes nothing', async () => {
      const fresh = await finishedCandidates(admin, interview, [
        { name: 'Third Person', email: 'third@sealed.test' },
      ]);
      assert.equal((await rita.get(`/interviews/${interview.id}/results`)).status, 200);
      const first = await saveRating(rita, fresh[0]!.answers[0]!.id, 4);
      assert.equal(first.independent, true);
    });

    it('warns an organiser about answers still converting: they will be rated after reading', async () => {
      const mine = () => rita.get(`/interviews/${interview.id}/my-ratings`);
      // Rita rated the first and the third candidates; the second's answer waits for her.
      assert.deepEqual((await mine()).body, { rated: 2, unrated: 1 });
      const [invited] = await invite(admin, interview.id, 1);
      await seedReadyAnswer(
        server.deps.db,
        invited!.invitation.id,
        interview.questions[0]!.id,
        'processing',
      );
      assert.deepEqual((await mine()).body, { rated: 2, unrated: 2 });
    });
  });
}
