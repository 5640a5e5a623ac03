import assert from 'node:assert/strict';
import { Api } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { ADMIN, type TestServer } from '../helpers/test-server.js';
import { expectInvalid, expectProblem, staffUser } from './support.js';

for (const database of ['sqlite', 'postgres'] as const) {
  describe(`workspace: user admin (${database})`, () => {
    let server: TestServer;
    let admin: Api;

    useTestServer({ database }, (s) => ({ server, admin } = s));

    async function usersById(): Promise<Map<string, any>> {
      const res = await admin.get('/users');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return new Map(res.body.items.map((u: any) => [u.id, u]));
    }

    async function me(api: Api): Promise<any> {
      return (await api.get('/me')).body;
    }

    it('lists every user as { items }, without password hashes, admin only', async () => {
      const recruiter = await staffUser(admin, 'recruiter');
      const reviewer = await staffUser(admin, 'reviewer');
      const res = await admin.get('/users');
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(res.body), ['items']);
      for (const user of res.body.items) {
        assert.deepEqual(Object.keys(user).sort(), ['active', 'email', 'id', 'name', 'role']);
      }
      const emails = res.body.items.map((u: any) => u.email);
      assert.ok(emails.includes(ADMIN.email));
      assert.ok(emails.includes((await me(recruiter)).email));
      expectProblem(await recruiter.get('/users'), 403, 'forbidden');
      expectProblem(await reviewer.get('/users'), 403, 'forbidden');
      expectProblem(await new Api(server.url).get('/users'), 401, 'unauthenticated');
    });

    it('renames a user and changes a role; the new role applies to their next request', async () => {
      const reviewer = await staffUser(admin, 'reviewer');
      const { id } = await me(reviewer);
      expectProblem(await reviewer.get('/users'), 403, 'forbidden');

      const renamed = await admin.request('PATCH', `/users/${id}`, { name: '  Grace Hopper ' });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      assert.equal(renamed.body.name, 'Grace Hopper');
      assert.equal(renamed.body.role, 'reviewer');

      const promoted = await admin.request('PATCH', `/users/${id}`, { role: 'admin' });
      assert.equal(promoted.status, 200);
      assert.deepEqual(promoted.body, { ...renamed.body, role: 'admin' });
      assert.equal((await reviewer.get('/users')).status, 200, 'the same token, now an admin');
      assert.deepEqual((await usersById()).get(id), promoted.body);
    });

    /** Demotes every admin but `keep`, acting as `actor`, so the test knows who the admins are. */
    async function onlyAdmins(actor: Api, keep: string[]): Promise<void> {
      for (const user of (await actor.get('/users')).body.items) {
        if (user.role === 'admin' && !keep.includes(user.id)) {
          const res = await actor.request('PATCH', `/users/${user.id}`, { role: 'reviewer' });
          assert.equal(res.status, 200, JSON.stringify(res.body));
        }
      }
    }

    it('refuses to demote the last admin (409 last_admin), and allows it once another exists', async () => {
      const { id: rootId } = await me(admin);
      await onlyAdmins(admin, [rootId]);
      const before = await usersById();
      expectProblem(
        await admin.request('PATCH', `/users/${rootId}`, { role: 'reviewer' }),
        409,
        'last_admin',
      );
      assert.deepEqual(await usersById(), before, 'nothing changed');
      // Renaming the last admin, or setting the role it already has, is fine.
      const renamed = await admin.request('PATCH', `/users/${rootId}`, {
        role: 'admin',
        name: 'Root',
      });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));

      const second = await staffUser(admin, 'admin');
      const demoted = await admin.request('PATCH', `/users/${rootId}`, { role: 'recruiter' });
      assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
      expectProblem(await admin.get('/users'), 403, 'forbidden');
      assert.equal(
        (await second.request('PATCH', `/users/${rootId}`, { role: 'admin' })).status,
        200,
      );
    });

    it('two admins demoting each other at the same moment leave exactly one admin', async () => {
      const [a, b] = [await staffUser(admin, 'admin'), await staffUser(admin, 'admin')];
      const [aId, bId] = [(await me(a)).id, (await me(b)).id];
      const { id: rootId } = await me(admin);
      await onlyAdmins(a, [aId, bId]);
      const results = await Promise.all([
        a.request('PATCH', `/users/${bId}`, { role: 'reviewer' }),
        b.request('PATCH', `/users/${aId}`, { role: 'reviewer' }),
      ]);
      const winner = results[0]!.status === 200 ? a : b;
      const loser = results[0]!.status === 200 ? results[1]! : results[0]!;
      // The loser either lost its role before its request was checked (403) or counted one admin.
      assert.ok([403, 409].includes(loser.status), `refused: ${loser.status}`);
      const admins = (await winner.get('/users')).body.items.filter((u: any) => u.role === 'admin');
      assert.equal(admins.length, 1);
      assert.equal(
        (await winner.request('PATCH', `/users/${rootId}`, { role: 'admin' })).status,
        200,
      );
    });

    it('answers bad input with 400 naming the fields, unknown users with 404, non-admins with 403', async () => {
      const recruiter = await staffUser(admin, 'recruiter');
      const { id } = await me(recruiter);
      const before = await usersById();
      expectInvalid(await admin.request('PATCH', `/users/${id}`, {}), '(body)');
      expectInvalid(await admin.request('PATCH', `/users/${id}`, { role: 'owner' }), 'role');
      expectInvalid(await admin.request('PATCH', `/users/${id}`, { name: '   ' }), 'name');
      expectInvalid(
        await admin.request('PATCH', `/users/${id}`, { name: 'x'.repeat(201) }),
        'name',
      );
      expectInvalid(
        await admin.request('PATCH', `/users/${id}`, { email: 'new@example.test' }),
        '(body)',
      );
      expectProblem(
        await admin.request('PATCH', `/users/${id}`, '{"role":'),
        400,
        'invalid_request',
      );
      expectProblem(
        await admin.request('PATCH', '/users/no-such-user', { name: 'Nobody' }),
        404,
        'not_found',
      );
      expectProblem(
        await recruiter.request('PATCH', `/users/${id}`, { role: 'admin' }),
        403,
        'forbidden',
      );
      expectProblem(
        await new Api(server.url).request('PATCH', `/users/${id}`, { name: 'A' }),
        401,
        'unauthenticated',
      );
      assert.deepEqual(await usersById(), before, 'nothing changed');
    });
  });
}
