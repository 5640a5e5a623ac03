/**
 * Looks for any trace of a candidate after erasure: in every table's rows, in every stored
 * object's key, and (SQLite) in the raw bytes of the database files.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { Storage } from '../../storage/storage.js';

export interface Traces {
  /** Text that must appear nowhere (names, emails). */
  personal: string[];
  /** Ids that may survive only in the audit trail (the fact of what happened). */
  ids: string[];
}

/** "table: value" for every row that still holds one of the traces. */
export async function rowsMentioning(db: Db, traces: Traces): Promise<string[]> {
  const found: string[] = [];
  for (const table of await db.introspection.getTables()) {
    const needles =
      table.name === 'audit_log' ? traces.personal : [...traces.personal, ...traces.ids];
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table.name)}`.execute(
      db,
    );
    for (const row of rows.rows) {
      const text = JSON.stringify(row);
      for (const needle of needles)
        if (text.includes(needle)) found.push(`${table.name}: ${needle}`);
    }
  }
  return found;
}

export async function objectsMentioning(storage: Storage, ids: string[]): Promise<string[]> {
  const all = await storage.list('');
  return all.map((o) => o.key).filter((key) => ids.some((id) => key.includes(id)));
}

/** Traces found in the bytes of the SQLite database, its WAL and shared-memory files. */
export async function sqliteFilesMentioning(
  dataDir: string,
  personal: string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const file = path.join(dataDir, `interviews.sqlite${suffix}`);
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) continue;
    for (const needle of personal) {
      for (const encoding of ['utf8', 'utf16le'] as const)
        if (bytes.includes(Buffer.from(needle, encoding)))
          found.push(`${file} (${encoding}): ${needle}`);
    }
  }
  return found;
}
