import assert from 'node:assert/strict';
import { Api, createInterview, inviteOne, login } from '../helpers/api.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  Clock,
  expectInvalid,
  expectOkWithKeys,
  expectProblem,
  recordReadyClip,
  staffUser,
} from './support.js';
import { addMembers } from './teams-support.js';

const DAY = 24 * 3600 * 1000;
const shareToken = (url: string) => url.slice(url.lastIndexOf('/s/') + 3);

for (const setup of BOTH_SETUPS) {
  describe(`Share with a hiring manager (${setup.database})`, function () {
    this.timeout(120_000);
    const clock = new Clock();
    let server: TestServer;
    let admin: Api;
    let recruiter: Api;
    let reviewer: Api;
    let interviewId: string;
    let invitationId: string;
    let pendingId: string;
    let answerIds: string[];

    before(async () => {
      server = await startTestServer({ ...setup, now: clock.now });
      admin = await login(server.url);
      recruiter = await staffUser(admin, 'recruiter', 'Rachel');
      reviewer = await staffUser(admin, 'reviewer', 'Victor');
      const interview = await createInterview(recruiter, {
        title: 'Boutique advisor',
        competencies: [{ key: 'service', name: 'Service' }],
        questions: [
          {
            prompt: 'Greet a customer',
            thinkSeconds: 5,
            maxSeconds: 30,
            retakes: 0,
            competency: 'service',
            guidance: 'Listen for warmth',
            anchors: { '5': 'Warm and precise' },
          },
        ],
      });
      interviewId = interview.id;
      await addMembers(recruiter, interviewId, [{ staff: reviewer, role: 'reviewer' }]);
      const { invitation, candidate } = await inviteOne(recruiter, interviewId);
      invitationId = invitation.id;
      const answer = await recordReadyClip(candidate, interview.questions[0]!.id);
      assert.equal((await candidate.post('/candidate/finish')).status, 200);
      answerIds = [answer.id];
      pendingId = (await inviteOne(recruiter, interviewId)).invitation.id;
      // A staff rating, which the guest must never see.
      await reviewer.put(`/answers/${answer.id}/ratings/me`, { score: 2, comment: 'staff note' });
    });
    afterEach(() => clock.reset());
    after(() => server?.stop());

    async function share(body: Record<string, unknown> = {}) {
      const res = await recruiter.post(`/invitations/${invitationId}/shares`, {
        recipientName: 'Maud Manager',
        ...body,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return { share: res.body, guest: new Api(server.url, shareToken(res.body.url)) };
    }

    it('creates a share: 201 in the Share shape, a 256-bit token in the url, 7 days by default', async () => {
      const { share: created } = await share();
      assert.match(created.url, new RegExp(`^${server.url}/s/[A-Za-z0-9_-]{43}$`));
      assert.deepEqual(
        { ...created, id: undefined, url: undefined, expiresAt: undefined },
        {
          id: undefined,
          url: undefined,
          expiresAt: undefined,
          recipientName: 'Maud Manager',
          showName: false,
          allowRating: true,
          createdBy: { id: created.createdBy.id, name: 'Rachel' },
          opens: 0,
          lastOpenedAt: null,
        },
      );
      const days = (Date.parse(created.expiresAt) - clock.now().getTime()) / DAY;
      assert.ok(days > 6.99 && days <= 7, `expires in ${days} days`);
      const page = await fetch(created.url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<guest-page>/);
    });

    it('refuses bad input (400), an unfinished candidate (409 not_completed), reviewers (403)', async () => {
      for (const [body, path] of [
        [{}, 'recipientName'],
        [{ recipientName: 'A\u202Eb' }, 'recipientName'],
        [{ recipientName: 'A', expiresInDays: 31 }, 'expiresInDays'],
        [{ recipientName: 'A', expiresInDays: 0 }, 'expiresInDays'],
        [{ recipientName: 'A', showName: 'yes' }, 'showName'],
      ] as const) {
        expectInvalid(await recruiter.post(`/invitations/${invitationId}/shares`, body), path);
      }
      expectProblem(
        await recruiter.post(`/invitations/${pendingId}/shares`, { recipientName: 'A' }),
        409,
        'not_completed',
      );
      expectProblem(
        await reviewer.post(`/invitations/${invitationId}/shares`, { recipientName: 'A' }),
        403,
        'forbidden',
      );
    });

    it('shows the guest one candidate’s answers with the rubric and nothing else; counts opens', async () => {
      const { share: created, guest } = await share({ showName: false });
      const res = await guest.get('/guest/session');
      expectOkWithKeys(res, ['allowRating', 'answers', 'candidate', 'interview', 'recipientName']);
      assert.deepEqual(res.body.interview, {
        title: 'Boutique advisor',
        competencies: [{ key: 'service', name: 'Service', description: '' }],
      });
      assert.match(res.body.candidate.label, /^Candidate \d+$/);
      assert.equal(res.body.candidate.name, undefined);
      assert.deepEqual(
        res.body.answers.map((a: any) => a.answerId),
        answerIds,
      );
      const [answer] = res.body.answers;
      assert.deepEqual(answer.question, {
        prompt: 'Greet a customer',
        competency: 'service',
        guidance: 'Listen for warmth',
        anchors: { '5': 'Warm and precise' },
      });
      assert.equal((await fetch(answer.videoUrl)).status, 200);
      const text = JSON.stringify(res.body);
      assert.doesNotMatch(text, /@example\.test|staff note|Victor|eligibility/);
      await guest.get('/guest/session');
      const listed = (await recruiter.get(`/invitations/${invitationId}/shares`)).body.items;
      const mine = listed.find((s: any) => s.id === created.id);
      assert.equal(mine.opens, 2);
      assert.equal(typeof mine.lastOpenedAt, 'string');
      assert.equal(mine.url, undefined, 'the link is never shown again');

      const named = await share({ showName: true });
      const withName = (await named.guest.get('/guest/session')).body;
      assert.match(withName.candidate.name, /^Candidate 1$/);
    });

    it('lets the guest rate (1–5 with comment), lists it for organisers, never in results', async () => {
      const { share: created, guest } = await share();
      const before = (await recruiter.get(`/interviews/${interviewId}/results`)).body;
      const rated = await guest.put(`/guest/answers/${answerIds[0]}/rating`, {
        score: 5,
        comment: 'Hire her',
      });
      assert.equal(rated.status, 200, JSON.stringify(rated.body));
      assert.deepEqual(rated.body, { score: 5, comment: 'Hire her' });
      expectInvalid(
        await guest.put(`/guest/answers/${answerIds[0]}/rating`, { score: 6 }),
        'score',
      );
      const list = await recruiter.get(`/invitations/${invitationId}/guest-ratings`);
      assert.equal(list.status, 200);
      const item = list.body.items.find((i: any) => i.shareId === created.id);
      assert.deepEqual(
        { ...item, updatedAt: undefined },
        {
          shareId: created.id,
          recipientName: 'Maud Manager',
          answerId: answerIds[0],
          score: 5,
          comment: 'Hire her',
          updatedAt: undefined,
        },
      );
      assert.deepEqual((await recruiter.get(`/interviews/${interviewId}/results`)).body, before);
      const reliability = (await recruiter.get(`/interviews/${interviewId}/reliability`)).body;
      assert.equal(JSON.stringify(reliability).includes('Maud'), false);
      expectProblem(
        await reviewer.get(`/invitations/${invitationId}/guest-ratings`),
        403,
        'forbidden',
      );

      const readOnly = await share({ allowRating: false });
      expectProblem(
        await readOnly.guest.put(`/guest/answers/${answerIds[0]}/rating`, { score: 3 }),
        403,
        'forbidden',
      );
      expectProblem(
        await guest.put('/guest/answers/another-answer/rating', { score: 3 }),
        404,
        'not_found',
      );
    });

    it('answers 404 after DELETE, past expiresAt, and for a made-up token', async () => {
      const { share: created, guest } = await share({ expiresInDays: 1 });
      assert.equal((await guest.get('/guest/session')).status, 200);
      clock.advance(DAY + 1000);
      expectProblem(await guest.get('/guest/session'), 404, 'not_found');
      clock.reset();
      assert.equal((await guest.get('/guest/session')).status, 200);
      expectProblem(await reviewer.request('DELETE', `/shares/${created.id}`), 403, 'forbidden');
      const revoked = await recruiter.request('DELETE', `/shares/${created.id}`);
      assert.equal(revoked.status, 204);
      expectProblem(await guest.get('/guest/session'), 404, 'not_found');
      expectProblem(
        await guest.put(`/guest/answers/${answerIds[0]}/rating`, { score: 3 }),
        404,
        'not_found',
      );
      expectProblem(await recruiter.request('DELETE', `/shares/${created.id}`), 404, 'not_found');
      const listed = (await recruiter.get(`/invitations/${invitationId}/shares`)).body.items;
      assert.ok(!listed.some((s: any) => s.id === created.id));
      expectProblem(
        await new Api(server.url, 'x'.repeat(43)).get('/guest/session'),
        404,
        'not_found',
      );
      expectProblem(await new Api(server.url).get('/guest/session'), 401, 'unauthenticated');
    });

    it('audits share.created, share.opened (as the guest), guest_rating.saved, share.revoked', async () => {
      const { share: created, guest } = await share({ recipientName: 'Audited Guest' });
      await guest.get('/guest/session');
      await guest.put(`/guest/answers/${answerIds[0]}/rating`, { score: 4 });
      await recruiter.request('DELETE', `/shares/${created.id}`);
      const trail = (await admin.get(`/audit?invitationId=${invitationId}&limit=1000`)).body.items;
      const mine = trail.filter(
        (e: any) => e.target.id === created.id || e.actor.id === created.id,
      );
      const actions = mine.map((e: any) => e.action).reverse();
      assert.deepEqual(actions, [
        'share.created',
        'share.opened',
        'guest_rating.saved',
        'share.revoked',
      ]);
      const opened = mine.find((e: any) => e.action === 'share.opened');
      assert.deepEqual(opened.actor, { type: 'guest', id: created.id, name: 'Audited Guest' });
    });

    it('answers 404 once the candidate is erased', async () => {
      const { guest } = await share();
      assert.equal((await admin.request('DELETE', `/invitations/${invitationId}`)).status, 204);
      expectProblem(await guest.get('/guest/session'), 404, 'not_found');
    });
  });
}
