import assert from 'node:assert/strict';
import { Api, login } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import type { TestServer } from '../helpers/test-server.js';
import { expectProblem } from './support.js';

/** Issue 21: screens must not promise email on an installation that has no mail server. */
describe('API v1 GET /installation (extension)', () => {
  let server: TestServer;
  useTestServer({}, (started) => ({ server } = started));

  it('tells signed-in staff that email is off without a mail server', async () => {
    const admin = await login(server.url);
    const res = await admin.get('/installation');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { emailEnabled: false });
  });

  it('answers 401 to anyone not signed in', async () => {
    expectProblem(await new Api(server.url).get('/installation'), 401, 'unauthenticated');
  });
});
