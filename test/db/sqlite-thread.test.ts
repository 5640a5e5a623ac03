import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from '../../server/db/database.js';
import { isUniqueViolation } from '../../server/db/errors.js';
import { openTestDb } from '../helpers/open-test-db.js';

const run = promisify(execFile);

/** The longest the event loop went without running a 5-ms timer while `work` ran. */
async function longestLoopGap(work: Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work;
  } finally {
    clearInterval(timer);
  }
  return longest;
}

const user = (id: string) => ({
  id,
  email: `${id}@x.test`,
  name: id,
  role: 'reviewer' as const,
  passwordHash: 'h',
  createdAt: new Date().toISOString(),
});

describe('SQLite on its own thread', () => {
  let test: Awaited<ReturnType<typeof openTestDb>>;
  beforeEach(async () => {
    test = await openTestDb('sqlite');
  });
  afterEach(() => test.close());

  it('lets the event loop turn while a statement waits for another process to commit', async () => {
    // Another connection (another process, in production: a second server or a script) holds
    // the write lock for 300 ms; the insert waits for it (busy_timeout), on the database thread.
    const other = new SQLite(path.join(test.dataDir, 'interviews.sqlite'));
    other.prepare('BEGIN IMMEDIATE').run();
    // This timer can only fire if the loop turns while the insert waits.
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.prepare('COMMIT').run();
        other.close();
        resolve();
      }, 300),
    );
    const insert = test.db.insertInto('users').values(user('u1')).execute();
    const gap = await longestLoopGap(Promise.all([insert, released]));
    assert.ok(gap < 150, `the loop stood still ${Math.round(gap)} ms`);
    const rows = await test.db.selectFrom('users').select('id').execute();
    assert.deepEqual(rows, [{ id: 'u1' }]);
  });

  it("keeps SQLite's error codes (a unique violation is recognised)", async () => {
    await test.db.insertInto('users').values(user('u1')).execute();
    const err = await test.db
      .insertInto('users')
      .values(user('u1'))
      .execute()
      .catch((e: unknown) => e);
    assert.ok(isUniqueViolation(err), String(err));
  });

  it('answers a read from outside an open transaction at once, with only what is committed', async () => {
    await test.db.insertInto('users').values(user('u0')).execute();
    await test.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('users').values(user('u1')).execute();
        const outside = await test.db.selectFrom('users').select('id').execute();
        assert.deepEqual(outside, [{ id: 'u0' }], 'the outside read saw an uncommitted row');
        throw new Error('roll back');
      })
      .catch((err: Error) => assert.equal(err.message, 'roll back'));
  });

  it('runs a write from outside an open transaction only after the transaction ends', async () => {
    let outside: Promise<unknown> | undefined;
    await test.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('users').values(user('u1')).execute();
        // Not awaited here: sent while the transaction is open, it must not run inside it.
        outside = test.db.insertInto('users').values(user('u2')).execute();
        await new Promise((resolve) => setTimeout(resolve, 50));
        const inside = await trx.selectFrom('users').select('id').execute();
        assert.deepEqual(inside, [{ id: 'u1' }], 'the outside write ran inside the transaction');
        throw new Error('roll back');
      })
      .catch((err: Error) => assert.equal(err.message, 'roll back'));
    await outside;
    const rows = await test.db.selectFrom('users').select('id').execute();
    assert.deepEqual(rows, [{ id: 'u2' }]);
  });

  it('refuses a write disguised as a read on the loop, and runs it on the thread', async () => {
    // INSERT … RETURNING returns rows but writes: it must reach the writing connection.
    const { rows } = await sql<{
      id: string;
    }>`with x as (select 1) insert into users (id, email, name, role, password_hash, created_at) values ('u3', 'u3@x.test', 'u3', 'reviewer', 'h', '') returning id`.execute(
      test.db,
    );
    assert.deepEqual(rows, [{ id: 'u3' }]);
    const count = await test.db.selectFrom('users').select('id').execute();
    assert.deepEqual(count, [{ id: 'u3' }]);
  });

  it('runs transactions one at a time, each seeing the one before committed', async () => {
    await test.db.insertInto('users').values(user('u0')).execute();
    // Twenty read-modify-write transactions at once: any interleaving would lose an update.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        test.db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom('users')
            .select('name')
            .where('id', '=', 'u0')
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('users')
            .set({ name: `${row.name}+` })
            .where('id', '=', 'u0')
            .execute();
        }),
      ),
    );
    const row = await test.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', 'u0')
      .executeTakeFirstOrThrow();
    assert.equal(row.name, `u0${'+'.repeat(20)}`);
  });

  it('refuses statements once destroyed', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'interview-db-'));
    try {
      const db = openDatabase({ databaseUrl: null, dataDir });
      await db
        .selectFrom('sqlite_master' as 'users')
        .selectAll()
        .execute();
      await db.destroy();
      await assert.rejects(
        db
          .selectFrom('sqlite_master' as 'users')
          .selectAll()
          .execute(),
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('says why when the database file cannot be opened', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'interview-db-'));
    try {
      // A directory where the database file should be.
      await mkdir(path.join(dataDir, 'interviews.sqlite'));
      const db = openDatabase({ databaseUrl: null, dataDir });
      await assert.rejects(
        db.selectFrom('users').selectAll().execute(),
        /unable to open database file|directory/i,
      );
      await db.destroy();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('does not keep a process alive once idle, and keeps it alive while a statement is due', async function () {
    this.timeout(30_000);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'interview-db-'));
    try {
      // A script that opens the database, reads, prints, and never closes it: it must exit.
      const script = `
        import { openDatabase } from ${JSON.stringify(path.resolve('server/db/database.ts'))};
        const db = openDatabase({ databaseUrl: null, dataDir: ${JSON.stringify(dataDir)} });
        const rows = await db.selectFrom('sqlite_master').select('name').execute();
        console.log('read', rows.length);
      `;
      const scriptFile = path.join(dataDir, 'read-and-forget.mts');
      await writeFile(scriptFile, script);
      const started = Date.now();
      const { stdout } = await run(process.execPath, ['--import', 'tsx', scriptFile], {
        timeout: 20_000,
      });
      assert.equal(stdout.trim(), 'read 0');
      assert.ok(Date.now() - started < 20_000);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
