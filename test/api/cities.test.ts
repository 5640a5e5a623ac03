/**
 * Issue 21 item 5 (API.md "Cities after applying"): a multi-city programme run city by city
 * after applying — invitations given a city, results and the CSV by city, decisions and
 * feedback released for many candidates at once, and a new link for a finished candidate.
 */
import assert from 'node:assert/strict';
import { readCsvRows } from '../../web-components/workspace/invitations/csv-rows.js';
import { ONE_QUESTION, seedReadyAnswer } from '../fairness/support.js';
import { Api, createInterview, tokenOf } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import type { TestServer } from '../helpers/test-server.js';
import { programmeSettings } from './programmes-support.js';
import { CLIP_MIME, Clock, expectInvalid, expectProblem, HOUR, staffUser } from './support.js';
import { addMembers } from './teams-support.js';

let people = 0;
const person = (locationKey?: string) => ({
  name: `Person ${++people}`,
  email: `person-${people}-${process.pid}@example.test`,
  ...(locationKey ? { locationKey } : {}),
});

for (const database of ['sqlite', 'postgres'] as const) {
  describe(`Cities after applying (${database})`, function () {
    this.timeout(120_000);
    const clock = new Clock();
    let server: TestServer;
    let admin: Api;

    useTestServer({ database, now: clock.now }, (s) => ({ server, admin } = s));
    afterEach(() => clock.reset());

    /** A two-city programme (Paris closes in 20 days, Lille in 10) and one question. */
    async function twoCities() {
      const settings = programmeSettings(clock.now());
      settings.locations = settings.locations.filter((l) => l.key !== 'lyon');
      return createInterview(admin, { public: settings, questions: ONE_QUESTION });
    }

    async function inviteAll(interviewId: string, candidates: unknown[]) {
      const res = await admin.post(`/interviews/${interviewId}/invitations`, { candidates });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.items as any[];
    }

    it('gives a staff invitation a city: shown on it, its expiry that city’s deadline; other keys 400', async () => {
      const interview = await twoCities();
      const lille = interview.public!.locations.find((l: any) => l.key === 'lille')!;
      const [inParis, inLille, nowhere] = await inviteAll(interview.id, [
        person('paris'),
        person('lille'),
        person(),
      ]);
      assert.deepEqual(inLille.location, { key: 'lille', name: 'Lille' });
      assert.equal(inLille.expiresAt, new Date(lille.deadline).toISOString());
      assert.deepEqual(inParis.location, { key: 'paris', name: 'Paris' });
      assert.equal(nowhere.location, null);
      // Without a city the usual 30 days stand; a city closing earlier shortens them.
      assert.ok(inParis.expiresAt > inLille.expiresAt);
      const listed = (await admin.get(`/interviews/${interview.id}/invitations`)).body.items;
      const listedCity = new Map(listed.map((i: any) => [i.id, i.location?.key ?? null]));
      assert.deepEqual(
        [inParis.id, inLille.id, nowhere.id].map((id) => listedCity.get(id)),
        ['paris', 'lille', null],
      );

      // Moving Lille's deadline moves its invitations; the others keep theirs.
      const later = new Date(clock.now().getTime() + 15 * 24 * HOUR).toISOString();
      const moved = await admin.request('PATCH', `/interviews/${interview.id}`, {
        public: {
          ...interview.public,
          locations: interview.public!.locations.map((l: any) =>
            l.key === 'lille' ? { ...l, deadline: later } : l,
          ),
        },
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const after = (await admin.get(`/interviews/${interview.id}/invitations`)).body.items;
      const expiryOf = new Map(after.map((i: any) => [i.id, i.expiresAt]));
      assert.equal(expiryOf.get(inLille.id), later);
      assert.equal(expiryOf.get(inParis.id), inParis.expiresAt);
      assert.equal(expiryOf.get(nowhere.id), nowhere.expiresAt);

      const unknown = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [person(), person('lyon')],
      });
      expectInvalid(unknown, 'candidates.1.locationKey');
      const plain = await createInterview(admin);
      expectInvalid(
        await admin.post(`/interviews/${plain.id}/invitations`, { candidates: [person('paris')] }),
        'candidates.0.locationKey',
      );
    });

    it('shows each result’s city, filters results by city, and puts the city in the ratings CSV', async () => {
      const interview = await twoCities();
      const questionId = interview.questions[0]!.id;
      const invited = await inviteAll(interview.id, [
        person('paris'),
        person('lille'),
        person('paris'),
        person(),
      ]);
      for (const inv of invited) {
        const answerId = await seedReadyAnswer(server.deps.db, inv.id, questionId);
        const rated = await admin.put(`/answers/${answerId}/ratings/me`, { score: 4 });
        assert.equal(rated.status, 200, JSON.stringify(rated.body));
      }

      const all = await admin.get(`/interviews/${interview.id}/results`);
      assert.equal(all.status, 200, JSON.stringify(all.body));
      const cityOf = new Map(all.body.items.map((i: any) => [i.invitationId, i.location]));
      assert.deepEqual(cityOf.get(invited[1].id), { key: 'lille', name: 'Lille' });
      assert.equal(cityOf.get(invited[3].id), null);

      const paris = await admin.get(`/interviews/${interview.id}/results?location=paris`);
      assert.equal(paris.status, 200, JSON.stringify(paris.body));
      assert.deepEqual(
        paris.body.items.map((i: any) => i.invitationId).sort(),
        [invited[0].id, invited[2].id].sort(),
      );
      expectInvalid(
        await admin.get(`/interviews/${interview.id}/results?location=lyon`),
        'location',
      );

      const csv = await fetch(`${server.url}/api/v1/interviews/${interview.id}/ratings.csv`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      assert.equal(csv.status, 200);
      const rows = readCsvRows(await csv.text(), ',').map((r) => r.cells);
      const header = rows[0]!.map((h) => h.replace(/^\uFEFF/, ''));
      const at = header.indexOf('Location');
      assert.ok(at >= 0, header.join('|'));
      const byName = new Map(rows.slice(1).map((r) => [r[0], r[at]]));
      assert.equal(byName.get(invited[1].candidate.name), 'Lille');
      assert.equal(byName.get(invited[3].candidate.name), '');
    });

    it('decides for many at once: each item on its own, references refused, others’ invitations not found', async () => {
      const interview = await twoCities();
      const recruiter = await staffUser(admin, 'recruiter', 'Rita');
      await addMembers(admin, interview.id, [{ staff: recruiter, role: 'recruiter' }]);
      const [a, b, ref] = await inviteAll(interview.id, [person('paris'), person(), person()]);
      const marked = await admin.put(`/invitations/${ref.id}/reference`, { reference: true });
      assert.equal(marked.status, 200, JSON.stringify(marked.body));
      const elsewhere = await createInterview(admin, { questions: ONE_QUESTION });
      const [hidden] = await inviteAll(elsewhere.id, [person()]);

      const res = await recruiter.put('/invitations/decisions', {
        invitationIds: [a.id, hidden.id, b.id, ref.id, 'no-such-invitation'],
        outcome: 'advance',
        note: 'Strong in Paris',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.items.map((i: any) => [i.invitationId, i.status, i.code ?? null]),
        [
          [a.id, 200, null],
          [hidden.id, 404, 'not_found'],
          [b.id, 200, null],
          [ref.id, 409, 'reference_invitation'],
          ['no-such-invitation', 404, 'not_found'],
        ],
      );
      const results = (await admin.get(`/interviews/${interview.id}/results`)).body.items;
      const decided = results.filter((r: any) => r.decision?.outcome === 'advance');
      assert.deepEqual(decided.map((r: any) => r.invitationId).sort(), [a.id, b.id].sort());
      assert.equal(decided[0].decision.note, 'Strong in Paris');
      const hiddenDecision = (await admin.get(`/interviews/${elsewhere.id}/results`)).body.items[0];
      assert.equal(hiddenDecision.decision, null, 'the hidden invitation was not touched');
      for (const id of [a.id, b.id]) {
        const audit = (await admin.get(`/audit?invitationId=${id}`)).body.items;
        assert.equal(audit.filter((e: any) => e.action === 'decision.saved').length, 1);
      }

      expectInvalid(
        await recruiter.put('/invitations/decisions', {
          invitationIds: Array.from({ length: 501 }, (_, i) => `id-${i}`),
          outcome: 'hold',
        }),
        'invitationIds',
      );
      expectInvalid(
        await recruiter.put('/invitations/decisions', { invitationIds: [a.id], outcome: 'maybe' }),
        'outcome',
      );
      const reviewer = await staffUser(admin, 'reviewer', 'Rob');
      await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      const asReviewer = await reviewer.put('/invitations/decisions', {
        invitationIds: [a.id],
        outcome: 'decline',
      });
      assert.equal(asReviewer.status, 200, JSON.stringify(asReviewer.body));
      assert.equal(asReviewer.body.items[0].status, 403);
    });

    it('releases feedback for many at once: saved drafts go out, the rest say why', async () => {
      const interview = await twoCities();
      const questionId = interview.questions[0]!.id;
      const [ready, unsaved, unfinished] = await inviteAll(interview.id, [
        person('lille'),
        person('lille'),
        person('lille'),
      ]);
      for (const inv of [ready, unsaved]) await seedReadyAnswer(server.deps.db, inv.id, questionId);
      const saved = await admin.put(`/invitations/${ready.id}/feedback`, {
        summary: 'You explained your choices clearly.',
        competencies: [],
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));

      const res = await admin.post('/invitations/feedback/release', {
        invitationIds: [ready.id, unsaved.id, unfinished.id],
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.items.map((i: any) => [i.status, i.code ?? null]),
        [
          [200, null],
          [409, 'feedback_missing'],
          [409, 'not_completed'],
        ],
      );
      const candidate = new Api(server.url, tokenOf(ready.url));
      const feedback = await candidate.get('/candidate/feedback');
      assert.equal(feedback.status, 200, JSON.stringify(feedback.body));
      assert.equal(feedback.body.summary, 'You explained your choices clearly.');
      const audit = (await admin.get(`/audit?invitationId=${ready.id}`)).body.items;
      assert.equal(audit.filter((e: any) => e.action === 'feedback.released').length, 1);
      expectInvalid(await admin.post('/invitations/feedback/release', { invitationIds: [] }));
    });

    it('gives a finished or expired candidate a new link for feedback, export and erasure only', async () => {
      const interview = await twoCities();
      const questionId = interview.questions[0]!.id;
      const [done, lapsed] = await inviteAll(interview.id, [person('lille'), person('lille')]);
      await seedReadyAnswer(server.deps.db, done.id, questionId);
      const saved = await admin.put(`/invitations/${done.id}/feedback`, {
        summary: 'Thank you for your answers.',
        competencies: [],
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal((await admin.post(`/invitations/${done.id}/feedback/release`)).status, 200);

      const res = await admin.post(`/invitations/${done.id}/link`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'completed');
      assert.notEqual(res.body.url, done.url);
      expectProblem(
        await new Api(server.url, tokenOf(done.url)).get('/candidate/feedback'),
        401,
        'unauthenticated',
      );
      const renewed = new Api(server.url, tokenOf(res.body.url));
      assert.equal((await renewed.get('/candidate/feedback')).status, 200);
      assert.equal((await renewed.get('/candidate/export')).status, 200);
      // It cannot record: not a new take, not an accommodation, not finishing again.
      expectProblem(
        await renewed.post('/candidate/answers', { questionId, mimeType: CLIP_MIME }),
        403,
        'link_limited',
      );
      expectProblem(
        await renewed.post('/candidate/accommodations', { extraTime: true }),
        403,
        'link_limited',
      );
      expectProblem(await renewed.post('/candidate/finish'), 403, 'link_limited');
      const audit = (await admin.get(`/audit?invitationId=${done.id}`)).body.items;
      assert.ok(audit.some((e: any) => e.action === 'invitation.link_reissued'));
      // Email off: staff held this link, so what is done through it says so.
      const exported = audit.find((e: any) => e.action === 'candidate.exported');
      assert.equal(exported?.via?.issuedBy?.id, (await admin.get('/me')).body.id);

      // Lille has closed: the lapsed candidate can still be given a link, which cannot record
      // even if the deadline were moved later.
      clock.advance(11 * 24 * HOUR);
      const late = await admin.post(`/invitations/${lapsed.id}/link`);
      assert.equal(late.status, 200, JSON.stringify(late.body));
      assert.equal(late.body.status, 'expired');
      const lateLink = new Api(server.url, tokenOf(late.body.url));
      assert.equal((await lateLink.get('/candidate/export')).status, 200);
      clock.reset();
      expectProblem(
        await lateLink.post('/candidate/answers', { questionId, mimeType: CLIP_MIME }),
        403,
        'link_limited',
      );
      const erased = await lateLink.post('/candidate/erase', { confirm: true });
      assert.equal(erased.status, 202, JSON.stringify(erased.body));
    });
  });
}
