import assert from 'node:assert/strict';
import pg from 'pg';
import { login } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * PostgreSQL closes connections on a restart, a failover or an administrator's command. The
 * server's idle pooled connections then fail while nobody is using them; the server must carry
 * on with new ones, not end the process.
 */
describe('PostgreSQL closing the server’s connections', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ database: 'postgres' });
  });
  after(() => server?.stop());

  it('keeps the server up, and the next requests use new connections', async () => {
    const admin = await login(server.url);
    // Several requests at once, so the pool holds several idle connections afterwards.
    await Promise.all(Array.from({ length: 5 }, () => admin.get('/interviews')));

    const url = new URL(server.deps.config.databaseUrl!);
    const superuser = new pg.Client({ connectionString: url.toString() });
    await superuser.connect();
    const ended = await superuser.query(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
       WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [url.pathname.slice(1)],
    );
    await superuser.end();
    assert.ok(ended.rowCount! >= 1, 'the server had idle connections to close');
    await new Promise((resolve) => setTimeout(resolve, 200));

    for (let i = 0; i < 3; i++) {
      const res = await admin.get('/interviews');
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    const health = await admin.get('/health');
    assert.equal(health.status, 200);
  });
});
