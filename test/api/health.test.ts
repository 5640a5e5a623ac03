import assert from 'node:assert/strict';
import { Api } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Issue 20, finding 9: an unauthenticated /health must not make storage work on every call. */
describe('GET /health and storage', function () {
  this.timeout(30_000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.stop());

  it('30 calls at once and in a row cost one storage round-trip (write, sync, read, delete)', async () => {
    // A counting wrapper around the real check.
    const storage = server.deps.storage;
    const realCheck = storage.check.bind(storage);
    let roundTrips = 0;
    storage.check = async () => {
      roundTrips++;
      return realCheck();
    };
    const api = new Api(server.url);
    const together = await Promise.all(Array.from({ length: 20 }, () => api.get('/health')));
    for (let i = 0; i < 10; i++) together.push(await api.get('/health'));
    for (const res of together) {
      assert.equal(res.status, 200);
      assert.equal(res.body.checks.storage, 'ok');
    }
    assert.equal(roundTrips, 1);
  });
});
