import assert from 'node:assert/strict';
import { API_KEY_REQUESTS_PER_MINUTE } from '../../server/http/api-key-limit.js';
import { expectInvalid, expectProblem, staffUser } from '../api/support.js';
import { Api, createInterview, inviteOne, login } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

for (const database of ['sqlite', 'postgres'] as const) {
  describe(`API keys (${database})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let admin: Api;

    before(async () => {
      server = await startTestServer({ database });
      admin = await login(server.url);
    });
    after(() => server?.stop());

    async function newKey(role: 'recruiter' | 'reviewer', name = `ATS ${role}`) {
      const res = await admin.post('/api-keys', { name, role });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as { id: string; name: string; role: string; key: string };
    }

    it('is shown once, kept only as a digest, and acts as staff of its role', async () => {
      const created = await newKey('recruiter', 'Greenhouse sync');
      assert.match(created.key, /^oik_[A-Za-z0-9_-]{43}$/);
      assert.equal(created.role, 'recruiter');
      assert.equal(created.name, 'Greenhouse sync');

      const listed = (await admin.get('/api-keys')).body.items;
      const mine = listed.find((k: any) => k.id === created.id);
      assert.ok(mine);
      assert.equal(mine.key, undefined, 'the list never shows a key');
      const stored = await server.deps.db.selectFrom('apiKeys').selectAll().execute();
      assert.ok(
        stored.every((row) => !JSON.stringify(row).includes(created.key.slice(4))),
        'the key itself is not stored',
      );

      const machine = new Api(server.url, created.key);
      const me = await machine.get('/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.role, 'recruiter');
      assert.equal(me.body.name, 'Greenhouse sync');
      const interview = await createInterview(machine);
      assert.equal((await machine.get(`/interviews/${interview.id}`)).status, 200);
      expectProblem(await machine.get('/users'), 403, 'forbidden');
      expectProblem(
        await machine.post('/api-keys', { name: 'x', role: 'recruiter' }),
        403,
        'forbidden',
      );
    });

    it('is audited as its own actor', async () => {
      const created = await newKey('recruiter', 'Lever bridge');
      const machine = new Api(server.url, created.key);
      const interview = await createInterview(admin);
      const { invitation } = await inviteOne(admin, interview.id);
      const decided = await machine.put(`/invitations/${invitation.id}/decision`, {
        outcome: 'hold',
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.deepEqual(decided.body.decidedBy, { id: created.id, name: 'Lever bridge' });
      const trail = (await admin.get(`/audit?actorId=${created.id}`)).body.items;
      const entry = trail.find((e: any) => e.action === 'decision.saved');
      assert.ok(entry, JSON.stringify(trail));
      assert.deepEqual(entry.actor, { type: 'api_key', id: created.id, name: 'Lever bridge' });
    });

    it('stops working at once when deleted', async () => {
      const created = await newKey('reviewer');
      const machine = new Api(server.url, created.key);
      assert.equal((await machine.get('/review/queue')).status, 200);
      expectProblem(await machine.post('/interviews', {}), 403, 'forbidden');
      assert.equal((await admin.request('DELETE', `/api-keys/${created.id}`)).status, 204);
      expectProblem(await machine.get('/me'), 401, 'unauthenticated');
      expectProblem(await machine.get('/review/queue'), 401, 'unauthenticated');
      expectProblem(await admin.request('DELETE', `/api-keys/${created.id}`), 404, 'not_found');
      assert.ok(!(await admin.get('/api-keys')).body.items.some((k: any) => k.id === created.id));
    });

    it('is never a person: not listed with staff, cannot sign in, a made-up key is refused', async () => {
      const created = await newKey('reviewer', 'Hidden machine');
      const users = (await admin.get('/users')).body.items;
      assert.ok(!users.some((u: any) => u.id === created.id), 'keys are not staff accounts');
      const guessed = `oik_${'A'.repeat(43)}`;
      expectProblem(await new Api(server.url, guessed).get('/me'), 401, 'unauthenticated');
      expectProblem(await new Api(server.url, 'oik_short').get('/me'), 401, 'unauthenticated');
    });

    it("is rate-limited per key: 429 with Retry-After past the minute's allowance", async () => {
      const created = await newKey('reviewer', 'Looping script');
      const machine = new Api(server.url, created.key);
      for (let sent = 0; sent < API_KEY_REQUESTS_PER_MINUTE; sent += 50) {
        const batch = await Promise.all(Array.from({ length: 50 }, () => machine.get('/me')));
        assert.ok(batch.every((r) => r.status === 200));
      }
      const refused = await machine.get('/me');
      expectProblem(refused, 429, 'rate_limited');
      assert.match(refused.headers.get('retry-after') ?? '', /^\d+$/);
      // Another key, and people, are not held back by it.
      assert.equal((await admin.get('/me')).status, 200);
    });

    it('is created by admins only, with a valid name and role', async () => {
      const recruiter = await staffUser(admin, 'recruiter');
      expectProblem(
        await recruiter.post('/api-keys', { name: 'x', role: 'reviewer' }),
        403,
        'forbidden',
      );
      expectInvalid(await admin.post('/api-keys', { name: '', role: 'admin' }), 'name', 'role');
      expectInvalid(await admin.post('/api-keys', { name: 'a\u202Eb', role: 'reviewer' }), 'name');
    });
  });
}
