import { compiledOnce, oncePerDatabase } from '../../db/compiled-once.js';
import type { Db } from '../../db/database.js';
import type { StoredChunk } from './answer-keys.js';
import { acceptsChunksSql } from './tombstones.js';

type CountParams = {
  answerId: string;
  size: number;
  maxBytes: number;
};

type InsertParams = {
  answerId: string;
  idx: number;
  storageKey: string;
  size: number;
  sha256: string;
  createdAt: string;
};

const fastPathQueries = oncePerDatabase((db: Db) => {
  return {
    /**
     * Adds the chunk's bytes to its take, only while the take takes chunks (it records, or it is
     * a tombstone: tombstones.ts), its interview is not finished and the total stays within
     * budget: one atomic statement (on PostgreSQL it also takes the answer's row lock, ordering
     * the take's chunks against `complete`, abandoning and a newer take closing it).
     */
    countBytes: compiledOnce<CountParams, never>(db, (param) =>
      db
        .updateTable('answers')
        .set((eb) => ({ storedBytes: eb('storedBytes', '+', param('size')) }))
        .where('id', '=', param('answerId'))
        .where(acceptsChunksSql)
        .where((eb) => eb(eb('storedBytes', '+', param('size')), '<=', param('maxBytes')))
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('invitations')
              .select('invitations.id')
              .whereRef('invitations.id', '=', 'answers.invitationId')
              .where('invitations.status', '!=', 'completed'),
          ),
        ),
    ),
    /** The first copy of this index; a resend conflicts and is left to the full path. */
    insertFirstCopy: compiledOnce<InsertParams, never>(db, (param) =>
      db
        .insertInto('chunks')
        .values({
          answerId: param('answerId'),
          idx: param('idx'),
          storageKey: param('storageKey'),
          size: param('size'),
          sha256: param('sha256'),
          createdAt: param('createdAt'),
        })
        .onConflict((conflict) => conflict.columns(['answerId', 'idx']).doNothing()),
    ),
  };
});

class NotTheCommonCase extends Error {}

/**
 * The common case of a chunk (the first copy of its index, for a take that takes chunks, within
 * budget) in one transaction of two statements, each built and compiled once. Everything else
 * (a resend, a closed take, a finished interview, a full budget) returns false, having changed
 * nothing, for the full path to handle and explain. At 500 recorders this path runs 500 times a
 * second; the full path's five statements through Kysely's builder cost a tenth of the CPU.
 */
export async function recordFirstCopy(
  db: Db,
  answerId: string,
  index: number,
  stored: StoredChunk,
  maxBytes: number,
  createdAt: string,
): Promise<boolean> {
  const { countBytes, insertFirstCopy } = fastPathQueries(db);
  try {
    await db.transaction().execute(async (trx) => {
      const counted = await countBytes({ answerId, size: stored.size, maxBytes }, trx);
      if (counted.numAffectedRows !== 1n) throw new NotTheCommonCase();
      const row = {
        answerId,
        idx: index,
        storageKey: stored.key,
        size: stored.size,
        sha256: stored.sha256,
        createdAt,
      };
      const inserted = await insertFirstCopy(row, trx);
      // A resend of this index: roll the count back and let the full path replace the copy.
      if (inserted.numAffectedRows !== 1n) throw new NotTheCommonCase();
    });
    return true;
  } catch (err) {
    if (err instanceof NotTheCommonCase) return false;
    throw err;
  }
}
