import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { recordReadyClip } from '../api/support.js';
import { type Api, createInterview, inviteOne, login } from '../helpers/api.js';
import { type DatabaseKind, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { freePort } from '../helpers/test-server.js';

/**
 * Holds the server inside its audit INSERT, so that the test can kill the process there: after
 * whatever was committed before the audit entry, before the entry itself is stored.
 */
interface AuditStall {
  /** True once the server is inside the audit write (or has answered). */
  reached(): Promise<boolean>;
  /** What the database does when a process dies: its sessions end; then the stall is lifted. */
  release(): Promise<void>;
}

/**
 * PostgreSQL: a lock that lets reads through but makes every INSERT into the trail wait. The
 * server is at the crash point once one of its sessions waits for that lock.
 */
async function stallPostgres(databaseUrl: string): Promise<AuditStall> {
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE');
  return {
    reached: async () => {
      const { rows } = await holder.query(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'audit_log' AND NOT l.granted`,
      );
      return rows[0].n > 0;
    },
    release: async () => {
      // A dead client's statement would otherwise still run (and commit) once the lock goes.
      await holder.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      await holder.query('ROLLBACK');
      await holder.end();
    },
  };
}

/**
 * SQLite (one writer, no lock to hold from outside): a trigger makes each audit INSERT take a
 * second or so of work. Whatever the server committed before it is visible to a reader
 * meanwhile; the crash point is reached once a rating is visible.
 */
function stallSqlite(dataDir: string): AuditStall {
  const file = path.join(dataDir, 'interviews.sqlite');
  const setup = new SQLite(file);
  setup.exec('CREATE TABLE slow_work (x INTEGER)');
  const insert = setup.prepare('INSERT INTO slow_work VALUES (?)');
  setup.transaction(() => {
    for (let i = 0; i < 4000; i++) insert.run(i);
  })();
  setup.exec(`CREATE TRIGGER slow_audit BEFORE INSERT ON audit_log
    BEGIN SELECT sum(a.x * b.x) FROM slow_work a, slow_work b; END`);
  setup.close();
  const reader = new SQLite(file, { readonly: true });
  return {
    reached: async () =>
      (reader.prepare('SELECT count(*) AS n FROM ratings').get() as { n: number }).n > 0,
    release: async () => {
      reader.close();
      const db = new SQLite(file);
      db.exec('DROP TRIGGER slow_audit; DROP TABLE slow_work');
      db.close();
    },
  };
}

for (const database of ['sqlite', 'postgres'] as const satisfies DatabaseKind[]) {
  describe(`an audited write and its audit entry, across a crash (${database})`, function () {
    this.timeout(240_000);
    let dataDir: string;
    let db: TestDatabase;
    let running: ServerProcess | undefined;
    let env: Record<string, string>;

    beforeEach(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'interview-audit-crash-'));
      db = await freshDatabase(database);
      const port = await freePort();
      env = {
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: dataDir,
        ADMIN_EMAIL: 'ops@example.test',
        ADMIN_PASSWORD: 'a long enough password',
        ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
      };
    });
    afterEach(async () => {
      if (running && running.child.exitCode === null) {
        running.child.kill('SIGKILL');
        await running.exited;
      }
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    async function start(): Promise<Api> {
      running = spawnServer(env);
      await running.waitForOutput(/"msg":"listening"/);
      return login(env.PUBLIC_URL!, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    }

    it('keeps a rating only with its audit entry when the process dies mid-save', async () => {
      let admin = await start();
      const interview = await createInterview(admin);
      const { invitation, candidate } = await inviteOne(admin, interview.id);
      const recorded = await recordReadyClip(candidate, interview.questions[0]!.id);

      let stall: AuditStall;
      if (database === 'postgres') {
        stall = await stallPostgres(db.databaseUrl!);
      } else {
        // The trigger is installed while the server is stopped (another writer's schema change).
        running!.child.kill('SIGTERM');
        await running!.exited;
        stall = stallSqlite(dataDir);
        admin = await start();
      }
      let answered = false;
      const saving = admin
        .put(`/answers/${recorded.id}/ratings/me`, { score: 4, comment: 'clear and specific' })
        .then(
          () => {
            answered = true;
          },
          () => {},
        );
      while (!answered && !(await stall.reached())) await new Promise((r) => setTimeout(r, 20));
      running!.child.kill('SIGKILL');
      await running!.exited;
      await saving;
      await stall.release();

      admin = await start();
      const ratings = (await admin.get<{ items: unknown[] }>(`/answers/${recorded.id}/ratings`))
        .body.items;
      const trail = await admin.get<{ items: { action: string }[] }>(
        `/audit?invitationId=${invitation.id}`,
      );
      assert.equal(trail.status, 200);
      const saved = trail.body.items.filter((e) => e.action === 'rating.saved');
      assert.equal(
        saved.length,
        ratings.length,
        `ratings kept: ${ratings.length}, rating.saved entries: ${saved.length}`,
      );

      // Nothing is stuck: the reviewer saves again, and that is recorded.
      const again = await admin.put(`/answers/${recorded.id}/ratings/me`, {
        score: 5,
        comment: 'clear and specific',
      });
      assert.equal(again.status, 200);
      const after = await admin.get<{ items: { action: string }[] }>(
        `/audit?invitationId=${invitation.id}`,
      );
      assert.equal(
        after.body.items.filter((e) => e.action === 'rating.saved').length,
        1 + saved.length,
      );
    });
  });
}
