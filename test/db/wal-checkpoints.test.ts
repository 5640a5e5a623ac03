/**
 * Issue 25: SQLite's WAL checkpoints (which sync the database file) run in a worker thread, not
 * inside a commit on the event loop. The serving connection never checkpoints; still the WAL
 * stays bounded under a steady stream of writes, and every committed row is there after a
 * restart, the WAL folded into the database file at shutdown.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { closeDatabase, type Db, openDatabase } from '../../server/db/database.js';

const MB = 1024 * 1024;

const walSize = (dataDir: string) => {
  try {
    return statSync(path.join(dataDir, 'interviews.sqlite-wal')).size;
  } catch {
    return 0;
  }
};

describe('SQLite WAL checkpoints off the event loop', function () {
  this.timeout(60_000);
  let dataDir: string;
  let db: Db | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'wal-checkpoints-'));
  });
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the WAL bounded while the serving connection never checkpoints, and loses nothing across a restart', async () => {
    db = openDatabase({ databaseUrl: null, dataDir });
    const setting = await sql<Record<string, number>>`pragma wal_autocheckpoint`.execute(db);
    assert.deepEqual(
      Object.values(setting.rows[0]!),
      [0],
      'the serving connection never checkpoints',
    );
    await sql`create table scratch (id integer primary key, body blob not null)`.execute(db);

    // 160 MB, a 256 KB transaction at a time, yielding between them as a server does: faster
    // than the checkpoints can fold it in, so writers are held back at the high-water mark.
    const digest = createHash('sha256');
    let written = 0;
    let peakWal = 0;
    for (let i = 0; written < 160 * MB; i++) {
      const body = Buffer.alloc(256 * 1024, i % 251);
      digest.update(body);
      await sql`insert into scratch (id, body) values (${i}, ${body})`.execute(db);
      written += body.length;
      peakWal = Math.max(peakWal, walSize(dataDir));
      await new Promise((r) => setImmediate(r));
    }
    assert.ok(peakWal < 64 * MB, `wrote ${written} bytes; the WAL peaked at ${peakWal}`);

    await closeDatabase(db);
    assert.equal(walSize(dataDir), 0, 'the WAL is folded into the database at shutdown');
    db = openDatabase({ databaseUrl: null, dataDir });
    const rows = await sql<{ body: Buffer }>`select body from scratch order by id`.execute(db);
    const again = createHash('sha256');
    for (const row of rows.rows) again.update(row.body);
    assert.equal(rows.rows.length * 256 * 1024, written);
    assert.equal(again.digest('hex'), digest.digest('hex'));
  });
});
