import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { Api, createInterview, invite, login } from '../helpers/api.js';
import { ADMIN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectInvalid, expectProblem, staffUser } from './support.js';

/** Known only because the test sets it: lets us forge tokens the server must still refuse. */
const JWT_SECRET = 'a-test-only-jwt-secret-that-is-long-enough-0123456789';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('API v1 staff authentication (PostgreSQL)', () => {
  let server: TestServer;
  let anonymous: Api;
  let admin: Api;
  let adminId: string;

  before(async () => {
    server = await startTestServer({ database: 'postgres', env: { JWT_SECRET } });
    anonymous = new Api(server.url);
    admin = await login(server.url);
    adminId = (await admin.get('/me')).body.id;
  });
  after(() => server?.stop());

  describe('POST /auth/login', () => {
    it('answers 200 with a token and the user, and nothing secret', async () => {
      const res = await anonymous.post('/auth/login', {
        email: ADMIN.email,
        password: ADMIN.password,
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(Object.keys(res.body).sort(), ['token', 'user']);
      assert.equal(typeof res.body.token, 'string');
      assert.ok(res.body.token.length > 20);
      assert.deepEqual(Object.keys(res.body.user).sort(), ['email', 'id', 'name', 'role']);
      assert.equal(res.body.user.email, ADMIN.email);
      assert.equal(res.body.user.role, 'admin');
      assert.equal(typeof res.body.user.id, 'string');
      assert.equal(typeof res.body.user.name, 'string');
      assert.doesNotMatch(JSON.stringify(res.body), /password/i);
    });

    it('gives the same 401 invalid_credentials for a wrong password and an unknown email', async () => {
      const wrongPassword = await anonymous.post('/auth/login', {
        email: ADMIN.email,
        password: 'not the password',
      });
      const unknownEmail = await anonymous.post('/auth/login', {
        email: 'nobody@example.test',
        password: 'not the password',
      });
      const a = expectProblem(wrongPassword, 401, 'invalid_credentials');
      const b = expectProblem(unknownEmail, 401, 'invalid_credentials');
      assert.deepEqual(a, b);
      assert.equal(
        wrongPassword.headers.get('content-type'),
        unknownEmail.headers.get('content-type'),
      );
    });

    it('accepts the email in any letter case', async () => {
      const res = await anonymous.post('/auth/login', {
        email: ADMIN.email.toUpperCase(),
        password: ADMIN.password,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.user.id, adminId);
    });

    it('answers 400 invalid_request when email or password is missing', async () => {
      expectInvalid(await anonymous.post('/auth/login', { email: ADMIN.email }), 'password');
      expectInvalid(await anonymous.post('/auth/login', { password: ADMIN.password }), 'email');
    });
  });

  describe('GET /me', () => {
    it('answers the signed-in user', async () => {
      const res = await admin.get('/me');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        id: adminId,
        email: ADMIN.email,
        name: res.body.name,
        role: 'admin',
      });
      assert.equal(typeof res.body.name, 'string');
    });

    it('refuses a missing, garbage or wrong-scheme Authorization with 401 unauthenticated', async () => {
      expectProblem(await anonymous.get('/me'), 401, 'unauthenticated');
      expectProblem(await anonymous.as('garbage').get('/me'), 401, 'unauthenticated');
      expectProblem(await anonymous.as('a.b.c').get('/me'), 401, 'unauthenticated');
      const basic = await anonymous.request('GET', '/me', undefined, {
        authorization: `Basic ${admin.token}`,
      });
      expectProblem(basic, 401, 'unauthenticated');
    });

    it('refuses tokens that were not signed by this server the way it signs them', async () => {
      const claims = { sub: adminId, aud: 'staff' };
      const forged = {
        'wrong secret': jwt.sign(claims, 'some-other-secret-some-other-secret-0000', {
          algorithm: 'HS256',
          expiresIn: 600,
        }),
        'alg none': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })}.`,
        'HS512 with the real secret': jwt.sign(claims, JWT_SECRET, {
          algorithm: 'HS512',
          expiresIn: 600,
        }),
        'expired, real secret': jwt.sign(
          { ...claims, exp: Math.floor(Date.now() / 1000) - 60 },
          JWT_SECRET,
          {
            algorithm: 'HS256',
          },
        ),
        'wrong audience, real secret': jwt.sign({ sub: adminId, aud: 'candidate' }, JWT_SECRET, {
          algorithm: 'HS256',
          expiresIn: 600,
        }),
        'unknown user, real secret': jwt.sign({ sub: 'no-such-user', aud: 'staff' }, JWT_SECRET, {
          algorithm: 'HS256',
          expiresIn: 600,
        }),
      };
      for (const [what, token] of Object.entries(forged)) {
        const res = await anonymous.as(token).get('/me');
        assert.equal(res.status, 401, what);
        expectProblem(res, 401, 'unauthenticated');
      }
      // The control: a token made exactly like the server's is accepted, so the refusals above mean something.
      const genuine = jwt.sign({ ...claims, jti: 'a-token-id', ver: 0 }, JWT_SECRET, {
        algorithm: 'HS256',
        expiresIn: 600,
      });
      assert.equal((await anonymous.as(genuine).get('/me')).status, 200);
    });
  });

  describe('staff and candidate tokens do not cross over', () => {
    let candidate: Api;

    before(async () => {
      const interview = await createInterview(admin);
      [{ candidate }] = (await invite(admin, interview.id, 1)) as [any];
    });

    it('refuses a candidate token on staff endpoints with 401', async () => {
      assert.equal(
        (await candidate.get('/candidate/session')).status,
        200,
        'the candidate token itself works',
      );
      expectProblem(await candidate.get('/me'), 401, 'unauthenticated');
      expectProblem(await candidate.get('/interviews'), 401, 'unauthenticated');
      expectProblem(await candidate.get('/review/queue'), 401, 'unauthenticated');
      expectProblem(
        await candidate.post('/users', {
          email: 'x@example.test',
          name: 'X',
          password: 'long enough pw',
          role: 'admin',
        }),
        401,
        'unauthenticated',
      );
    });

    it('refuses a staff token on candidate endpoints with 401', async () => {
      expectProblem(await admin.get('/candidate/session'), 401, 'unauthenticated');
      expectProblem(
        await admin.post('/candidate/answers', { questionId: 'x', mimeType: 'video/webm' }),
        401,
        'unauthenticated',
      );
      expectProblem(await admin.post('/candidate/finish'), 401, 'unauthenticated');
    });
  });

  describe('POST /users', () => {
    const password = 'twelve chars or more';
    /** Asks to create a user: a valid reviewer unless `fields` says otherwise. */
    const createUser = (fields: Record<string, unknown>) =>
      admin.post('/users', { name: 'N', password, role: 'reviewer', ...fields });

    it('lets an admin create a user who can then sign in, without echoing the password', async () => {
      const res = await createUser({
        email: 'Rita.Recruiter@Example.test',
        name: 'Rita',
        role: 'recruiter',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(Object.keys(res.body).sort(), ['email', 'id', 'name', 'role']);
      assert.equal(res.body.email, 'rita.recruiter@example.test');
      assert.equal(res.body.role, 'recruiter');
      assert.doesNotMatch(JSON.stringify(res.body), /password|passwordHash/i);

      const signedIn = await anonymous.post('/auth/login', {
        email: 'rita.recruiter@example.test',
        password,
      });
      assert.equal(signedIn.status, 200);
      assert.deepEqual(signedIn.body.user, res.body);
      // Issue 21: the admin's password is temporary, to be replaced first (staff-lifecycle).
      assert.equal(signedIn.body.mustChangePassword, true);
      assert.doesNotMatch(JSON.stringify(signedIn.body.user), /password/i);
      const me = await anonymous.as(signedIn.body.token).get('/me');
      assert.deepEqual(me.body, { ...res.body, mustChangePassword: true });
    });

    it('answers 409 email_taken for an existing email in any letter case, and keeps the original user', async () => {
      const first = await createUser({ email: 'taken@example.test', name: 'First' });
      assert.equal(first.status, 201);
      const again = await createUser({
        email: 'TAKEN@example.test',
        name: 'Second',
        password: 'another password',
        role: 'admin',
      });
      expectProblem(again, 409, 'email_taken');
      // Nothing changed: the first user still signs in with the first password and role.
      const res = await anonymous.post('/auth/login', { email: 'taken@example.test', password });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.user, first.body);
      expectProblem(
        await anonymous.post('/auth/login', {
          email: 'taken@example.test',
          password: 'another password',
        }),
        401,
        'invalid_credentials',
      );
    });

    it('answers 403 forbidden to recruiters and reviewers, and creates nobody', async () => {
      const staff = await Promise.all([
        staffUser(admin, 'recruiter'),
        staffUser(admin, 'reviewer'),
      ]);
      for (const [i, role] of (['recruiter', 'reviewer'] as const).entries()) {
        const email = `made-by-${role}@example.test`;
        const res = await staff[i]!.post('/users', {
          email,
          name: 'Sneaky',
          password,
          role: 'admin',
        });
        expectProblem(res, 403, 'forbidden');
        // The user does not exist: the admin can create it now.
        const created = await createUser({ email, name: 'Real' });
        assert.equal(created.status, 201, JSON.stringify(created.body));
      }
    });

    it('answers 401 without a token', async () => {
      expectProblem(
        await anonymous.post('/users', {
          email: 'anon@example.test',
          name: 'A',
          password,
          role: 'admin',
        }),
        401,
        'unauthenticated',
      );
    });

    it('answers 400 with errors naming the bad fields, and creates nobody', async () => {
      expectInvalid(await createUser({ email: 'not-an-email' }), 'email');
      expectInvalid(
        await createUser({ email: 'short@example.test', password: 'short' }),
        'password',
      );
      expectInvalid(await createUser({ email: 'role@example.test', role: 'superuser' }), 'role');
      expectInvalid(
        await admin.post('/users', { email: 'many@example.test', password: 1, role: 'boss' }),
        'name',
        'password',
        'role',
      );
      // None of these exist: the same emails can be created now.
      for (const email of ['short@example.test', 'role@example.test', 'many@example.test']) {
        assert.equal(
          (await admin.post('/users', { email, name: 'N', password, role: 'reviewer' })).status,
          201,
          email,
        );
      }
    });
  });
});

describe('API v1 login rate limit', () => {
  let server: TestServer;
  let anonymous: Api;
  const attempt = (email: string, password: string) =>
    anonymous.post('/auth/login', { email, password });

  before(async () => {
    server = await startTestServer({ maxLoginFailures: 3 });
    anonymous = new Api(server.url);
  });
  after(() => server?.stop());

  it('answers 429 rate_limited with Retry-After after too many failures for one email', async () => {
    for (let i = 0; i < 3; i++)
      expectProblem(await attempt('victim@example.test', `guess ${i}`), 401, 'invalid_credentials');
    const limited = await attempt('VICTIM@example.test', 'guess 4');
    expectProblem(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(
      Number.isInteger(retryAfter) && retryAfter > 0,
      `Retry-After: ${limited.headers.get('retry-after')}`,
    );
    // Another email from the same address is not affected.
    expectProblem(await attempt('someone-else@example.test', 'guess'), 401, 'invalid_credentials');
  });

  it('does not count successful sign-ins as failures', async () => {
    // fail, fail, succeed, fail: three failures, not four, so only the fifth attempt is refused.
    expectProblem(await attempt(ADMIN.email, 'wrong 1'), 401, 'invalid_credentials');
    expectProblem(await attempt(ADMIN.email, 'wrong 2'), 401, 'invalid_credentials');
    assert.equal((await attempt(ADMIN.email, ADMIN.password)).status, 200);
    expectProblem(await attempt(ADMIN.email, 'wrong 3'), 401, 'invalid_credentials');
    expectProblem(await attempt(ADMIN.email, 'wrong 4'), 429, 'rate_limited');
  });
});
