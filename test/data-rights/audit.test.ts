import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { expectInvalid, expectProblem, recordClip, staffUser } from '../api/support.js';
import { addMembers } from '../api/teams-support.js';
import { type Api, createInterview, inviteOne, waitForAnswer } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { ADMIN, type TestServer } from '../helpers/test-server.js';

for (const database of ['sqlite', 'postgres'] as const) {
  describe(`audit trail (${database})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let admin: Api;
    let adminId: string;

    useTestServer({ database }, (s) => ({ server, admin } = s));

    before(async () => {
      adminId = (await admin.get('/me')).body.id;
    });

    async function trail(query = ''): Promise<any[]> {
      const res = await admin.get(`/audit${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items;
    }

    it('records every staff action on a candidate, with actor, target and time, newest first', async () => {
      const reviewer = await staffUser(admin, 'reviewer', 'rita');
      const reviewerId = (await reviewer.get('/me')).body.id;
      await admin.request('PATCH', `/users/${reviewerId}`, { name: 'Rita Reviewer' });
      const interview = await createInterview(admin);
      const { invitation, candidate } = await inviteOne(admin, interview.id);
      const recorded = await recordClip(candidate, interview.questions[0]!.id);
      assert.equal((await waitForAnswer(candidate, recorded.id)).status, 'ready');

      await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      assert.equal((await reviewer.get(`/answers/${recorded.id}`)).status, 200);
      const rated = await reviewer.put(`/answers/${recorded.id}/ratings/me`, { score: 4 });
      assert.equal(rated.status, 200);
      assert.equal((await admin.post(`/invitations/${invitation.id}/link`)).status, 200);
      assert.equal((await admin.get(`/interviews/${interview.id}/ratings.csv`)).status, 200);

      const byCandidate = await trail(`?invitationId=${invitation.id}`);
      assert.deepEqual(
        byCandidate.map((e) => [e.action, e.actor.type, e.actor.id, e.actor.name, e.target]),
        [
          [
            'invitation.link_reissued',
            'staff',
            adminId,
            'Administrator',
            { type: 'invitation', id: invitation.id },
          ],
          [
            'rating.saved',
            'staff',
            reviewerId,
            'Rita Reviewer',
            { type: 'rating', id: rated.body.id },
          ],
          [
            'answer.viewed',
            'staff',
            reviewerId,
            'Rita Reviewer',
            { type: 'answer', id: recorded.id },
          ],
        ],
      );
      for (const entry of byCandidate) assert.match(entry.at, /^\d{4}-\d\d-\d\dT.*Z$/);

      const byReviewer = await trail(`?actorId=${reviewerId}`);
      assert.deepEqual(
        byReviewer.map((e) => e.action),
        // Newest first; the last is choosing their own password at first sign-in (issue 21).
        ['rating.saved', 'answer.viewed', 'user.password_changed'],
      );
      const exported = (await trail()).find((e) => e.action === 'ratings.exported');
      assert.deepEqual(exported?.target, { type: 'interview', id: interview.id });
    });

    it('records user changes and failed sign-ins without naming who tried', async () => {
      const email = `u-${Date.now()}@example.test`;
      const created = await admin.post('/users', {
        email,
        name: 'New Person',
        password: 'a long enough password',
        role: 'reviewer',
      });
      assert.equal(created.status, 201);
      assert.equal(
        (await admin.request('PATCH', `/users/${created.body.id}`, { role: 'recruiter' })).status,
        200,
      );
      const anonymous = admin.as('');
      expectProblem(
        await anonymous.post('/auth/login', { email, password: 'wrong password!' }),
        401,
        'invalid_credentials',
      );
      expectProblem(
        await anonymous.post('/auth/login', { email: 'nobody@example.test', password: 'x' }),
        401,
        'invalid_credentials',
      );
      const entries = (await trail()).slice(0, 4);
      assert.deepEqual(
        entries.map((e) => [e.action, e.actor, e.target]),
        [
          ['login.failed', { type: 'staff', id: null, name: null }, { type: 'user', id: null }],
          [
            'login.failed',
            { type: 'staff', id: created.body.id, name: null },
            { type: 'user', id: created.body.id },
          ],
          [
            'user.updated',
            { type: 'staff', id: adminId, name: 'Administrator' },
            { type: 'user', id: created.body.id },
          ],
          [
            'user.created',
            { type: 'staff', id: adminId, name: 'Administrator' },
            { type: 'user', id: created.body.id },
          ],
        ],
      );
      assert.doesNotMatch(JSON.stringify(entries), /nobody@example|wrong password/);
    });

    it('names the candidate, interview and account an entry is about, never an erased candidate; filters by interview (issue 21)', async () => {
      const interview = await createInterview(admin, { title: 'Night shift lead' });
      const tag = Math.random().toString(36).slice(2);
      const people = [
        { name: 'Ana Lima', email: `ana-${tag}@example.test` },
        { name: 'Bea Kohl', email: `bea-${tag}@example.test` },
      ];
      const invited = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: people,
      });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      const [ana, bea] = invited.body.items;
      for (const { id } of [ana, bea])
        assert.equal((await admin.post(`/invitations/${id}/link`)).status, 200);
      assert.equal((await admin.request('DELETE', `/invitations/${bea.id}`)).status, 204);
      const reviewer = await staffUser(admin, 'reviewer', 'rosa');
      const reviewerMe = (await reviewer.get('/me')).body;
      await admin.request('PATCH', `/users/${reviewerMe.id}`, { name: 'Rosa Reviewer' });

      const [reissued] = await trail(`?invitationId=${ana.id}`);
      assert.equal(reissued.action, 'invitation.link_reissued');
      assert.deepEqual(reissued.candidate, { name: 'Ana Lima', erased: false });
      assert.deepEqual(reissued.interview, { id: interview.id, title: 'Night shift lead' });

      const erasedTrail = await trail(`?invitationId=${bea.id}`);
      assert.deepEqual(
        erasedTrail.map((e) => [e.action, e.actor.name, e.candidate]),
        [
          ['candidate.erased', 'Administrator', { name: null, erased: true }],
          ['invitation.link_reissued', 'Administrator', { name: null, erased: true }],
        ],
      );
      assert.doesNotMatch(JSON.stringify(erasedTrail), /Bea|bea-/);

      const [renamed] = await trail(`?actorId=${adminId}&limit=1`);
      assert.equal(renamed.action, 'user.updated');
      assert.deepEqual(renamed.targetUser, {
        id: reviewerMe.id,
        name: 'Rosa Reviewer',
        email: reviewerMe.email,
      });

      // By interview: what was done about it and its candidates (the erased one has left it).
      const byInterview = await trail(`?interviewId=${interview.id}`);
      assert.deepEqual(
        byInterview.map((e) => [e.action, e.candidate?.name ?? null]),
        [
          ['invitation.link_reissued', 'Ana Lima'],
          ['interview.created', null],
        ],
      );
      assert.equal(byInterview[1].interview.title, 'Night shift lead');
    });

    it('names no one on a failed sign-in, and no erased candidate who erased their own data', async () => {
      const interview = await createInterview(admin);
      const { invitation, candidate } = await inviteOne(admin, interview.id);
      assert.equal((await candidate.post('/candidate/erase', { confirm: true })).status, 202);
      const [erased] = await trail(`?invitationId=${invitation.id}`);
      assert.equal(erased.action, 'candidate.erased');
      assert.equal(erased.actor.type, 'candidate');
      assert.equal(erased.actor.name, null);
      assert.deepEqual(erased.candidate, { name: null, erased: true });
      assert.equal(erased.interview, undefined);

      await admin.as('').post('/auth/login', { email: ADMIN.email, password: 'not it at all' });
      const [failed] = await trail('?limit=1');
      assert.equal(failed.action, 'login.failed');
      assert.equal(failed.targetUser, undefined);
    });

    it('pages with nextCursor through every entry once', async () => {
      for (let i = 0; i < 5; i++)
        await admin.as('').post('/auth/login', { email: ADMIN.email, password: `nope ${i}` });
      const all = await trail('?limit=1000');
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 100; page++) {
        const res = await admin.get(`/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.status, 200);
        assert.ok(res.body.items.length <= 2);
        seen.push(...res.body.items.map((e: any) => e.id));
        if (!res.body.nextCursor) break;
        cursor = res.body.nextCursor;
      }
      assert.deepEqual(
        seen,
        all.map((e) => e.id),
      );
      expectInvalid(await admin.get('/audit?limit=1001'), 'limit');
      expectInvalid(await admin.get('/audit?cursor=bogus'), 'cursor');
    });

    it('is for admins only and no one can change or delete an entry', async () => {
      const before = await trail('?limit=1000');
      for (const role of ['recruiter', 'reviewer'] as const) {
        const staff = await staffUser(admin, role);
        expectProblem(await staff.get('/audit'), 403, 'forbidden');
      }
      expectProblem(await admin.as('').get('/audit'), 401, 'unauthenticated');
      const id = before[0].id;
      for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'])
        expectProblem(await admin.request(method, `/audit/${id}`, {}), 404, 'not_found');
      expectProblem(await admin.request('DELETE', '/audit'), 404, 'not_found');
      // Not even the application's own database connection may rewrite history.
      await assert.rejects(
        sql`UPDATE audit_log SET action = 'nothing' WHERE id = ${id}`.execute(server.deps.db),
        /append-only/,
      );
      await assert.rejects(
        sql`DELETE FROM audit_log WHERE id = ${id}`.execute(server.deps.db),
        /append-only/,
      );
      const after = await trail('?limit=1000');
      assert.deepEqual(after.slice(-before.length), before);
    });
  });
}
