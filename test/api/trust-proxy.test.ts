import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../server/config.js';
import { APPLICATIONS_PER_WINDOW } from '../../server/http/routes/programmes.js';
import { Api, login } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { applicant, createProgramme } from './programmes-support.js';
import { expectProblem } from './support.js';

/** The real client, as the (one) trusted proxy reports it: appended at the right. */
const CLIENT = '203.0.113.7';

/** A left-most value the client wrote itself, new on every request. */
function forged(): string {
  const b = randomBytes(4);
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

function configProblems(value: string): string[] {
  try {
    loadConfig({ TRUST_PROXY: value });
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
}

describe('TRUST_PROXY (issue 20, finding 1)', function () {
  this.timeout(60_000);

  it('refuses true at start with a sentence that says what to set instead', () => {
    const problems = configProblems('true');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^TRUST_PROXY must not be true/);
    assert.match(problems[0]!, /number of proxies/);
  });

  it('takes a hop count or a comma list of addresses and CIDR ranges; refuses anything else', () => {
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: '0' }).trustProxy, false);
    assert.equal(loadConfig({}).trustProxy, false);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.5, 172.16.0.0/12, ::1' }).trustProxy, [
      '10.0.0.5',
      '172.16.0.0/12',
      '::1',
    ]);
    assert.match(configProblems('proxy.example')[0]!, /not understood: proxy\.example/);
    assert.match(configProblems('10.0.0.0/99')[0]!, /not understood/);
  });

  for (const trust of ['1', '127.0.0.1']) {
    describe(`TRUST_PROXY=${trust}: a client's own X-Forwarded-For buys nothing`, () => {
      let server: TestServer;

      before(async () => {
        server = await startTestServer({
          database: 'sqlite',
          env: { TRUST_PROXY: trust },
          loginLimits: { perAddress: 5, perAccount: 1000 },
        });
      });
      after(() => server?.stop());

      it('no more sign-in attempts than the limit per address', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) {
          const res = await new Api(server.url).request(
            'POST',
            '/auth/login',
            { email: `guess-${i}@example.test`, password: 'not the password' },
            { 'x-forwarded-for': `${forged()}, ${CLIENT}` },
          );
          statuses.push(res.status);
        }
        assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
      });

      it('no more applications than the limit per address', async () => {
        const admin = await login(server.url);
        const { slug } = await createProgramme(admin, new Date());
        const statuses: number[] = [];
        for (let i = 0; i < APPLICATIONS_PER_WINDOW + 2; i++) {
          const res = await new Api(server.url).request(
            'POST',
            `/public/programmes/${slug}/applications`,
            applicant(),
            { 'x-forwarded-for': `${forged()}, ${CLIENT}` },
          );
          statuses.push(res.status);
        }
        assert.deepEqual(
          statuses.slice(0, APPLICATIONS_PER_WINDOW),
          Array(APPLICATIONS_PER_WINDOW).fill(201),
        );
        for (const status of statuses.slice(APPLICATIONS_PER_WINDOW)) assert.equal(status, 429);
        expectProblem(
          await new Api(server.url).request(
            'POST',
            `/public/programmes/${slug}/applications`,
            applicant(),
            { 'x-forwarded-for': CLIENT },
          ),
          429,
          'rate_limited',
        );
      });
    });
  }
});
