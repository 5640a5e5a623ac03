import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { type Api, login } from '../helpers/api.js';
import { POSTGRES_ADMIN_URL } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** docs/deploy.md "Database roles": what the app's own role is granted, word for word. */
function appRoleGrants(database: string, role: string): string[] {
  return [
    `GRANT CONNECT ON DATABASE ${database} TO ${role}`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${role}`,
  ];
}

/** An audited act: a new staff account. */
async function newUser(admin: Api): Promise<string> {
  const res = await admin.post('/users', {
    email: `audited-${randomBytes(4).toString('hex')}@example.test`,
    name: 'Audited',
    password: 'a long enough password',
    role: 'reviewer',
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

async function asUser<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Issue 20, finding 7: the audit trail on PostgreSQL. */
describe('the audit trail cannot be emptied on PostgreSQL', function () {
  this.timeout(90_000);
  let owner: TestServer;
  let app: TestServer | undefined;
  const role = `interviews_app_${randomBytes(4).toString('hex')}`;
  let ownerUrl: string;
  let database: string;

  before(async () => {
    owner = await startTestServer({ database: 'postgres' });
    ownerUrl = owner.deps.config.databaseUrl!;
    database = new URL(ownerUrl).pathname.slice(1);
    const admin = await login(owner.url);
    await newUser(admin);
  });
  after(async () => {
    await app?.stop();
    await asUser(ownerUrl, (c) => c.query(`DROP OWNED BY ${role}`)).catch(() => {});
    await owner?.stop();
    await asUser(POSTGRES_ADMIN_URL, (c) => c.query(`DROP ROLE IF EXISTS ${role}`));
  });

  it('refuses TRUNCATE, even from the role that owns the table', async () => {
    await assert.rejects(sql`TRUNCATE audit_log`.execute(owner.deps.db), /append-only/);
    const { rows } = await asUser(ownerUrl, (c) =>
      c.query('SELECT count(*)::int AS n FROM audit_log'),
    );
    assert.ok(rows[0].n > 0);
  });

  it('runs as a role that does not own the audit table, which can add entries but not remove them or their guard', async () => {
    await asUser(POSTGRES_ADMIN_URL, (c) => c.query(`CREATE ROLE ${role} LOGIN`));
    await asUser(ownerUrl, async (c) => {
      for (const statement of appRoleGrants(database, role)) await c.query(statement);
    });
    const url = new URL(ownerUrl);
    url.username = role;
    app = await startTestServer({ database: 'sqlite', env: { DATABASE_URL: url.toString() } });
    const admin = await login(app.url);
    const userId = await newUser(admin);
    const entries = await admin.get(`/audit?limit=1000`);
    assert.equal(entries.status, 200);
    assert.ok(JSON.stringify(entries.body).includes(userId), 'the app role still audits');

    await asUser(url.toString(), async (c) => {
      for (const statement of [
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
        "UPDATE audit_log SET action = 'nothing'",
        'DROP TRIGGER audit_log_append_only ON audit_log',
        'ALTER TABLE audit_log DISABLE TRIGGER ALL',
        'DROP TABLE audit_log',
      ]) {
        await assert.rejects(c.query(statement), /permission denied|must be owner/, statement);
      }
    });
  });
});
