import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import { type Api, createInterview, inviteOne, login } from '../helpers/api.js';
import { staffSocket } from '../helpers/staff-socket.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectProblem, recordReadyClip, staffUser } from './support.js';
import { addMembers, userIdOf } from './teams-support.js';

const DAY = 24 * 3600 * 1000;

for (const setup of BOTH_SETUPS) {
  describe(`Teams: who sees which interview (${setup.database})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let admin: Api;
    let lyon: Api; // recruiter of the Lyon interview
    let paris: Api; // recruiter of another city
    let reviewer: Api; // reviews Lyon
    let outsider: Api; // a reviewer of another city
    let interviewId: string;
    let invitationId: string;
    let answerId: string;

    before(async () => {
      server = await startTestServer(setup);
      admin = await login(server.url);
      lyon = await staffUser(admin, 'recruiter', 'lyon');
      paris = await staffUser(admin, 'recruiter', 'paris');
      reviewer = await staffUser(admin, 'reviewer', 'rev');
      outsider = await staffUser(admin, 'reviewer', 'outsider');
      const interview = await createInterview(lyon, {
        title: 'Lyon boutique',
        review: { blind: true },
      });
      interviewId = interview.id;
      await addMembers(lyon, interviewId, [{ staff: reviewer, role: 'reviewer' }]);
      const { invitation, candidate } = await inviteOne(lyon, interviewId);
      invitationId = invitation.id;
      for (const q of interview.questions) {
        const answer = await recordReadyClip(candidate, q.id);
        if (q.position === 0) answerId = answer.id;
      }
      assert.equal((await candidate.post('/candidate/finish')).status, 200);
    });
    const sockets: Socket[] = [];
    after(async () => {
      for (const socket of sockets) socket.close();
      await server?.stop();
    });

    /** A staff socket that records `event:invitationId:status` of everything it hears. */
    async function listen(staff: Api, seen: string[]): Promise<void> {
      const socket = staffSocket(server.url, staff.token);
      sockets.push(socket);
      socket.onAny((event, payload) =>
        seen.push(`${event}:${payload.invitationId}:${payload.status}`),
      );
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    }

    async function until(condition: () => boolean): Promise<void> {
      const end = Date.now() + 20_000;
      while (!condition()) {
        if (Date.now() > end) throw new Error('condition not met in time');
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    it('sends socket.io events about the interview to members and admins only', async () => {
      const admins: string[] = [];
      const members: string[] = [];
      const others: string[] = [];
      await listen(admin, admins);
      await listen(reviewer, members);
      await listen(paris, others);
      const { invitation, candidate } = await inviteOne(lyon, interviewId);
      assert.equal((await candidate.get('/candidate/session')).status, 200);
      const started = `invitation-status:${invitation.id}:started`;
      await until(() => members.includes(started) && admins.includes(started));
      // Then an event Paris may hear (their own interview): had the first reached them, it
      // would have arrived before this one.
      const own = await createInterview(paris, { title: 'Paris boutique' });
      const theirs = await inviteOne(paris, own.id);
      assert.equal((await theirs.candidate.get('/candidate/session')).status, 200);
      await until(() => others.includes(`invitation-status:${theirs.invitation.id}:started`));
      assert.ok(!others.includes(started), others.join(', '));
      assert.ok(!members.some((e) => e.includes(theirs.invitation.id)), members.join(', '));
    });

    it('lists the creator as the one recruiter member, and the members added', async () => {
      const res = await lyon.get(`/interviews/${interviewId}/members`);
      assert.equal(res.status, 200);
      const byId = new Map(res.body.items.map((m: any) => [m.user.id, m]));
      assert.equal((byId.get(await userIdOf(lyon)) as any).role, 'recruiter');
      assert.equal((byId.get(await userIdOf(reviewer)) as any).role, 'reviewer');
      assert.equal(res.body.items.length, 2);
      const member = byId.get(await userIdOf(reviewer)) as any;
      assert.deepEqual(Object.keys(member.user).sort(), ['email', 'id', 'name']);
    });

    it('refuses a reviewer account as a recruiter member (400), changing nothing', async () => {
      const before = await lyon.get(`/interviews/${interviewId}/members`);
      const res = await lyon.put(`/interviews/${interviewId}/members`, {
        items: [
          { userId: await userIdOf(lyon), role: 'recruiter' },
          { userId: await userIdOf(outsider), role: 'recruiter' },
        ],
      });
      expectProblem(res, 400, 'invalid_request');
      assert.deepEqual((await lyon.get(`/interviews/${interviewId}/members`)).body, before.body);
      expectProblem(
        await lyon.put(`/interviews/${interviewId}/members`, {
          items: [{ userId: 'no-such-user', role: 'reviewer' }],
        }),
        400,
        'invalid_request',
      );
    });

    it('leaves the interview out of the lists of a recruiter and a reviewer of another city', async () => {
      const mine = await lyon.get('/interviews');
      assert.ok(mine.body.items.some((i: any) => i.id === interviewId));
      for (const other of [paris, outsider]) {
        const list = await other.get('/interviews');
        assert.equal(list.status, 200);
        assert.ok(!list.body.items.some((i: any) => i.id === interviewId));
        const queue = await other.get(`/review/queue?interviewId=${interviewId}`);
        assert.equal(queue.status, 200);
        assert.deepEqual(queue.body.items, []);
      }
      const queue = await reviewer.get('/review/queue');
      assert.deepEqual(
        queue.body.items.map((i: any) => i.invitationId),
        [invitationId],
      );
      assert.ok((await admin.get('/interviews')).body.items.some((i: any) => i.id === interviewId));
    });

    it('answers 404 to a non-member for everything about the interview', async () => {
      const questionId = (await lyon.get(`/interviews/${interviewId}`)).body.questions[0].id;
      const paths: [string, string, unknown?][] = [
        ['GET', `/interviews/${interviewId}`],
        ['PATCH', `/interviews/${interviewId}`, { title: 'Taken over' }],
        ['GET', `/interviews/${interviewId}/stats`],
        ['GET', `/interviews/${interviewId}/invitations`],
        ['POST', `/interviews/${interviewId}/invitations`, { candidates: [] }],
        ['GET', `/interviews/${interviewId}/members`],
        ['PUT', `/interviews/${interviewId}/members`, { items: [] }],
        ['GET', `/interviews/${interviewId}/results`],
        ['GET', `/interviews/${interviewId}/reliability`],
        ['GET', `/interviews/${interviewId}/ratings.csv`],
        ['GET', `/review/by-question?interviewId=${interviewId}&questionId=${questionId}`],
        ['GET', `/answers/${answerId}`],
        ['GET', `/answers/${answerId}/ratings`],
        ['PUT', `/answers/${answerId}/ratings/me`, { score: 5, comment: 'great answer here' }],
        ['POST', `/invitations/${invitationId}/link`],
        ['PUT', `/invitations/${invitationId}/decision`, { outcome: 'advance', note: '' }],
        ['GET', `/invitations/${invitationId}/feedback`],
        ['POST', `/invitations/${invitationId}/shares`, { recipientName: 'Boss' }],
        ['GET', `/invitations/${invitationId}/shares`],
        ['GET', `/invitations/${invitationId}/guest-ratings`],
      ];
      for (const other of [paris, outsider]) {
        for (const [method, path, body] of paths) {
          const res = await other.request(method, path, body);
          assert.equal(
            res.status,
            404,
            `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`,
          );
        }
      }
      const title = (await admin.get(`/interviews/${interviewId}`)).body.title;
      assert.equal(title, 'Lyon boutique', 'nothing changed');
    });

    it('lets a reviewer member review but not manage (403)', async () => {
      assert.equal((await reviewer.get(`/interviews/${interviewId}`)).status, 200);
      assert.equal((await reviewer.get(`/answers/${answerId}`)).status, 200);
      const rated = await reviewer.put(`/answers/${answerId}/ratings/me`, {
        score: 4,
        comment: 'clear and structured',
      });
      assert.equal(rated.status, 200, JSON.stringify(rated.body));
      for (const path of ['results', 'reliability', 'ratings.csv', 'members', 'invitations']) {
        const res = await reviewer.get(`/interviews/${interviewId}/${path}`);
        assert.equal(res.status, 403, `${path}: ${res.status}`);
      }
    });

    it('treats an API key as a member of every interview, with its role', async () => {
      const made = await admin.post('/api-keys', { name: 'ATS', role: 'reviewer' });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const machine = admin.as(made.body.key);
      assert.ok(
        (await machine.get('/interviews')).body.items.some((i: any) => i.id === interviewId),
      );
      assert.equal((await machine.get(`/answers/${answerId}`)).status, 200);
      assert.equal((await machine.get(`/interviews/${interviewId}/results`)).status, 403);
    });

    it('makes privacy-reducing changes admin-only (403 admin_only), nothing changed', async () => {
      const past = new Date(Date.now() - DAY).toISOString();
      const before = (await admin.get(`/interviews/${interviewId}`)).body;
      for (const change of [
        { review: { blind: false } },
        { retentionDays: before.retentionDays - 1 },
        { deadline: past, retentionDays: 0 },
        { deadline: past },
        {
          public: {
            enabled: true,
            slug: `lyon-${process.pid}-${setup.database}`,
            locations: [{ key: 'lyon', name: 'Lyon', deadline: past }],
          },
        },
      ]) {
        const res = await lyon.request('PATCH', `/interviews/${interviewId}`, change);
        expectProblem(res, 403, 'admin_only');
      }
      assert.deepEqual((await admin.get(`/interviews/${interviewId}`)).body, before);
      // Privacy-increasing changes stay the recruiter's.
      const more = await lyon.request('PATCH', `/interviews/${interviewId}`, {
        retentionDays: before.retentionDays + 1,
        title: 'Lyon boutique',
      });
      assert.equal(more.status, 200, JSON.stringify(more.body));
      const blindOff = await admin.request('PATCH', `/interviews/${interviewId}`, {
        review: { blind: false },
      });
      assert.equal(blindOff.status, 200, JSON.stringify(blindOff.body));
      assert.equal(blindOff.body.review.blind, false);
      await admin.request('PATCH', `/interviews/${interviewId}`, { review: { blind: true } });
    });

    it('audits interview.created, interview.updated with the fields changed, members.updated', async () => {
      const created = await createInterview(paris, { title: 'Audited' });
      await paris.request('PATCH', `/interviews/${created.id}`, {
        title: 'Audited again',
        intro: 'Welcome!', // unchanged
        retentionDays: 400,
      });
      await addMembers(paris, created.id, [{ staff: outsider, role: 'reviewer' }]);
      const trail = (await admin.get('/audit?limit=1000')).body.items.filter(
        (e: any) => e.target.id === created.id,
      );
      const parisId = await userIdOf(paris);
      const of = (action: string) => trail.filter((e: any) => e.action === action);
      assert.equal(of('interview.created').length, 1);
      assert.equal(of('interview.created')[0].actor.id, parisId);
      assert.deepEqual(of('interview.updated')[0].target, { type: 'interview', id: created.id });
      assert.deepEqual(of('interview.updated')[0].changes.sort(), ['retentionDays', 'title']);
      assert.equal(of('members.updated').length, 1);
      assert.equal(of('members.updated')[0].actor.id, parisId);
    });
  });
}
