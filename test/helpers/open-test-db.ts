import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Db, migrateToLatest, openDatabase } from '../../server/db/database.js';
import { type DatabaseKind, freshDatabase } from './databases.js';

export const DATABASE_KINDS: DatabaseKind[] = ['sqlite', 'postgres'];

/** A migrated, empty database of the given kind, and a way to throw it away. */
export async function openTestDb(
  kind: DatabaseKind,
): Promise<{ db: Db; dataDir: string; close(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'interview-db-'));
  const database = await freshDatabase(kind);
  const db = openDatabase({ databaseUrl: database.databaseUrl, dataDir });
  await migrateToLatest(db);
  return {
    db,
    dataDir,
    close: async () => {
      await db.destroy();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
