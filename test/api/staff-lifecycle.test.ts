import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import { Api, addUser, createStaffUser, login, type NewStaffUser } from '../helpers/api.js';
import type { DatabaseKind } from '../helpers/databases.js';
import { useTestServer } from '../helpers/server-suite.js';
import { staffSocket } from '../helpers/staff-socket.js';
import type { TestServer } from '../helpers/test-server.js';
import { expectInvalid, expectProblem } from './support.js';

const PASSWORD = 'a long enough password';

for (const database of ['sqlite', 'postgres'] as DatabaseKind[]) {
  describe(`staff account lifecycle (${database})`, () => {
    let server: TestServer;
    let admin: Api;
    let adminId: string;
    const sockets: Socket[] = [];

    useTestServer({ database }, (s) => ({ server, admin } = s));

    before(async () => {
      adminId = (await admin.get('/me')).body.id;
    });
    afterEach(() => {
      for (const socket of sockets.splice(0)) socket.close();
    });

    async function newUser(
      role: NewStaffUser['role'] = 'recruiter',
    ): Promise<{ id: string; email: string }> {
      const email = `${role}-${Math.random().toString(36).slice(2)}@example.test`;
      const res = await createStaffUser(admin, {
        email,
        name: 'Sam Staff',
        password: PASSWORD,
        role,
      });
      return { id: res.body.id, email };
    }

    /** Signs in with a temporary password: the token may do nothing but choose a new one. */
    async function pendingSignIn(email: string, password: string): Promise<Api> {
      const signIn = await new Api(server.url).post('/auth/login', { email, password });
      assert.equal(signIn.status, 200);
      assert.equal(signIn.body.mustChangePassword, true);
      const pending = new Api(server.url, signIn.body.token);
      assert.equal((await pending.get('/me')).body.mustChangePassword, true);
      expectProblem(await pending.get('/interviews'), 403, 'password_change_required');
      return pending;
    }

    /** Chooses a new password with a pending token; the new token may do everything. */
    async function choosePassword(pending: Api, currentPassword: string, newPassword: string) {
      const changed = await pending.post('/me/password', { currentPassword, newPassword });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      const after = pending.as(changed.body.token);
      assert.equal((await after.get('/interviews')).status, 200);
      assert.equal((await after.get('/me')).body.mustChangePassword, undefined);
    }

    /** A connected socket, and a promise of the reason it is disconnected. */
    async function liveSocket(token: string): Promise<{ socket: Socket; ended: Promise<string> }> {
      const socket = staffSocket(server.url, token);
      sockets.push(socket);
      const ended = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return { socket, ended };
    }

    function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
      return Promise.race([
        promise,
        new Promise<T>((_, reject) =>
          setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms),
        ),
      ]);
    }

    it('signing out ends that token at once (API and socket) but not the user’s other sessions', async () => {
      const { email } = await newUser();
      const laptop = await login(server.url, email, PASSWORD);
      const phone = await login(server.url, email, PASSWORD);
      const live = await liveSocket(laptop.token!);
      const out = await laptop.post('/auth/logout');
      assert.equal(out.status, 204);
      expectProblem(await laptop.get('/me'), 401, 'unauthenticated');
      expectProblem(await laptop.post('/auth/logout'), 401, 'unauthenticated');
      assert.equal(await within(live.ended, 5000, 'socket closed'), 'io server disconnect');
      assert.equal((await phone.get('/me')).status, 200, 'the other device stays signed in');
    });

    it('deactivation stops the user’s tokens and live sockets at once, and sign-in', async () => {
      const { id, email } = await newUser();
      const staff = await login(server.url, email, PASSWORD);
      const live = await liveSocket(staff.token!);
      const res = await admin.request('PATCH', `/users/${id}`, { active: false });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.active, false);
      assert.equal(await within(live.ended, 5000, 'socket closed'), 'io server disconnect');
      expectProblem(await staff.get('/me'), 401, 'unauthenticated');
      expectProblem(await staff.get('/interviews'), 401, 'unauthenticated');
      // Same answer as a wrong password: nothing tells an outsider the account exists.
      const again = await new Api(server.url).post('/auth/login', { email, password: PASSWORD });
      expectProblem(again, 401, 'invalid_credentials');
      const listed = (await admin.get('/users')).body.items.find((u: any) => u.id === id);
      assert.equal(listed.active, false);

      // Reactivated: the old token stays dead, a new sign-in works.
      assert.equal((await admin.request('PATCH', `/users/${id}`, { active: true })).status, 200);
      expectProblem(await staff.get('/me'), 401, 'unauthenticated');
      assert.equal((await (await login(server.url, email, PASSWORD)).get('/me')).status, 200);
    });

    it('refuses to deactivate oneself or the last active admin', async () => {
      expectProblem(
        await admin.request('PATCH', `/users/${adminId}`, { active: false }),
        409,
        'own_account',
      );
      const other = await newUser('admin');
      const otherAdmin = await login(server.url, other.email, PASSWORD);
      // The other admin deactivates the first one? Allowed while two are active…
      assert.equal(
        (await otherAdmin.request('PATCH', `/users/${adminId}`, { active: false })).status,
        200,
      );
      // …but then the second is the last active admin: demoting them is refused.
      expectProblem(
        await otherAdmin.request('PATCH', `/users/${other.id}`, { role: 'reviewer' }),
        409,
        'last_admin',
      );
      assert.equal(
        (await otherAdmin.request('PATCH', `/users/${adminId}`, { active: true })).status,
        200,
      );
      admin = await login(server.url);
    });

    it('a role change closes the user’s sockets so they reconnect with the new role', async () => {
      const { id, email } = await newUser('recruiter');
      const staff = await login(server.url, email, PASSWORD);
      const live = await liveSocket(staff.token!);
      assert.equal(
        (await admin.request('PATCH', `/users/${id}`, { role: 'reviewer' })).status,
        200,
      );
      assert.equal(await within(live.ended, 5000, 'socket closed'), 'io server disconnect');
      assert.equal((await staff.get('/me')).body.role, 'reviewer', 'the token itself still works');
    });

    it('changing one’s password needs the current one, refuses a weak one, and ends other sessions', async () => {
      const { email } = await newUser();
      const here = await login(server.url, email, PASSWORD);
      const elsewhere = await login(server.url, email, PASSWORD);
      const live = await liveSocket(elsewhere.token!);

      expectInvalid(
        await here.post('/me/password', { currentPassword: 'not it at all', newPassword: 'x' }),
        'newPassword',
      );
      expectInvalid(
        await here.post('/me/password', {
          currentPassword: 'not it at all',
          newPassword: 'a different long passphrase',
        }),
        'currentPassword',
      );
      const weak = await here.post('/me/password', {
        currentPassword: PASSWORD,
        newPassword: '1234567890',
      });
      expectInvalid(weak, 'newPassword');
      assert.match(weak.body.errors[0].message, /too easy to guess/);
      assert.equal((await elsewhere.get('/me')).status, 200, 'nothing changed yet');

      const newPassword = 'quiet lantern orbit 47';
      const changed = await here.post('/me/password', { currentPassword: PASSWORD, newPassword });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(changed.body.user.email, email);
      expectProblem(await elsewhere.get('/me'), 401, 'unauthenticated');
      expectProblem(await here.get('/me'), 401, 'unauthenticated');
      assert.equal((await here.as(changed.body.token).get('/me')).status, 200);
      assert.equal(await within(live.ended, 5000, 'socket closed'), 'io server disconnect');
      expectProblem(
        await new Api(server.url).post('/auth/login', { email, password: PASSWORD }),
        401,
        'invalid_credentials',
      );
      assert.equal(
        (await login(server.url, email, newPassword).then((a) => a.get('/me'))).status,
        200,
      );
    });

    it('an admin reset gives a one-time password that only lets its holder choose a new one', async () => {
      const { id, email } = await newUser();
      const before = await login(server.url, email, PASSWORD);
      const reset = await admin.post(`/users/${id}/password-reset`);
      assert.equal(reset.status, 200, JSON.stringify(reset.body));
      const oneTime = reset.body.password as string;
      assert.ok(oneTime.length >= 16);
      expectProblem(await before.get('/me'), 401, 'unauthenticated');

      const pending = await pendingSignIn(email, oneTime);
      await assert.rejects(liveSocket(pending.token!), /unauthenticated/);
      await choosePassword(pending, oneTime, 'violet harbour engine 93');
      expectProblem(
        await new Api(server.url).post('/auth/login', { email, password: oneTime }),
        401,
        'invalid_credentials',
      );
    });

    it('a user an admin creates must replace the temporary password at first sign-in', async () => {
      const email = `new-${Math.random().toString(36).slice(2)}@example.test`;
      const person = { email, name: 'Nina New', password: PASSWORD, role: 'recruiter' } as const;
      const created = await addUser(admin, person);
      assert.deepEqual(Object.keys(created.body).sort(), ['email', 'id', 'name', 'role']);
      const pending = await pendingSignIn(email, PASSWORD);
      expectProblem(await pending.post('/interviews', {}), 403, 'password_change_required');
      const newPassword = 'copper lantern meadow 41';
      await choosePassword(pending, PASSWORD, newPassword);
      const again = await login(server.url, email, newPassword);
      assert.equal((await again.get('/me')).body.mustChangePassword, undefined);
      // Audited like every account change, by the user themselves.
      const trail = (await admin.get(`/audit?actorId=${created.body.id}`)).body.items;
      assert.deepEqual(
        trail.map((e: any) => [e.action, e.actor.type, e.target]),
        [['user.password_changed', 'staff', { type: 'user', id: created.body.id }]],
      );
    });

    it('the administrator of the installation chose their password: not asked to change it', async () => {
      const me = await admin.get('/me');
      assert.equal(me.body.mustChangePassword, undefined);
      assert.equal((await admin.get('/interviews')).status, 200);
    });

    it('only an admin resets passwords; an unknown user is 404', async () => {
      const { email } = await newUser('recruiter');
      const recruiter = await login(server.url, email, PASSWORD);
      expectProblem(await recruiter.post(`/users/${adminId}/password-reset`), 403, 'forbidden');
      expectProblem(await admin.post('/users/nobody/password-reset'), 404, 'not_found');
    });

    it('refuses an easily guessed password when creating a user, and creates nobody', async () => {
      for (const password of ['1234567890', 'password123', 'azertyuiop', 'motdepasse1']) {
        const email = `weak-${Math.random().toString(36).slice(2)}@example.test`;
        const res = await admin.post('/users', { email, name: 'Weak', password, role: 'reviewer' });
        expectInvalid(res, 'password');
        const users = (await admin.get('/users')).body.items;
        assert.ok(!users.some((u: any) => u.email === email), `${password}: nobody created`);
      }
      // The user's own name or email is no secret either.
      const res = await admin.post('/users', {
        email: 'genevieve.beauchamp@example.test',
        name: 'Genevieve Beauchamp',
        password: 'genevievebeauchamp',
        role: 'reviewer',
      });
      expectInvalid(res, 'password');
    });
  });
}
