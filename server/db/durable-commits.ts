import { open } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { sharedSync } from '../../storage/shared-sync.js';
import type { Database } from './schema.js';

/**
 * SQLite runs in WAL mode with `synchronous = NORMAL`: a commit writes its pages to the WAL file
 * but does not fsync it, so a power cut can undo the last transactions. That is fine for most
 * writes, but not for a chunk the server is about to acknowledge (the device then deletes its
 * copy). `FULL` would fsync inside every commit on the event loop, stalling every request for
 * each chunk. Instead the chunk path awaits `committedDurably`: one fdatasync of the WAL file on
 * libuv's thread pool, shared by every commit made before it started. A transaction already
 * checkpointed into the database file is durable too: SQLite syncs the database file after each
 * checkpoint. PostgreSQL syncs its WAL at commit itself, so there nothing is left to do.
 */
// Keyed by the database handle (not the `Db` alias, so this file does not import database.ts).
type Db = Kysely<Database>;
const walFiles = new WeakMap<Db, string>();

/** Called by openDatabase for a SQLite database in WAL mode. */
export function registerWalFile(db: Db, databaseFile: string): void {
  walFiles.set(db, `${databaseFile}-wal`);
}

/** Resolves once every transaction committed on `db` before the call is on disk. */
export function committedDurably(db: Db): Promise<void> {
  const wal = walFiles.get(db);
  if (!wal) return Promise.resolve();
  return sharedSync(wal, () => syncFileData(wal));
}

async function syncFileData(file: string): Promise<void> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    // No WAL file: nothing has been written since the last checkpoint removed it.
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (!handle) return;
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
