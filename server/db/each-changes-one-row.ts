import type { CompiledQuery, Kysely } from 'kysely';
import type { SqliteThreadDriver } from './sqlite-thread/sqlite-thread-dialect.js';

const threadDrivers = new WeakMap<object, SqliteThreadDriver>();

/** Called by openDatabase for a SQLite database on its own thread. */
export function registerThreadDriver(db: object, driver: SqliteThreadDriver): void {
  threadDrivers.set(db, driver);
}

class NotEveryRowChanged extends Error {}

/**
 * Runs `writes` in one transaction and commits only if each changed exactly one row; otherwise
 * nothing changes. Returns whether it committed. On SQLite the whole transaction is one message
 * to the database thread: at 500 recorders this runs 500 times a second, and a transaction of
 * four round trips would hold the connection (and every statement queued behind it) for four
 * turns of a busy event loop.
 */
export async function eachChangesOneRow<DB>(
  db: Kysely<DB>,
  writes: CompiledQuery[],
): Promise<boolean> {
  const thread = threadDrivers.get(db);
  if (thread) return thread.eachChangesOneRow(writes);
  try {
    await db.transaction().execute(async (trx) => {
      for (const write of writes) {
        const { numAffectedRows } = await trx.executeQuery(write);
        if (numAffectedRows !== 1n) throw new NotEveryRowChanged();
      }
    });
    return true;
  } catch (err) {
    if (err instanceof NotEveryRowChanged) return false;
    throw err;
  }
}
