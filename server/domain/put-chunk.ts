import { sql } from 'kysely';
import type { AnswersTable, ChunksTable, InvitationsTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { BadRequestError, ConflictError, InputError, NotFoundError } from '../errors.js';
import { assertWithinUploadGrace, contextWithDeadline } from './candidate-access.js';

/** 15 minutes of 1-second slices is 900; this leaves room for smaller slices. */
export const MAX_CHUNK_INDEX = 99_999;

export interface StoredChunk {
  key: string;
  size: number;
  sha256: string;
}

export function chunkKey(answerId: string, index: number, nonce: string): string {
  // Zero-padded so a listing sorts in recording order; the nonce keeps a retry from
  // overwriting a good chunk before the new bytes have been checked.
  return `answers/${answerId}/chunks/${String(index).padStart(6, '0')}.${nonce}`;
}

export function parseChunkIndex(raw: string): number {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) > MAX_CHUNK_INDEX) {
    throw new InputError(`The chunk index must be a whole number from 0 to ${MAX_CHUNK_INDEX}.`, [
      { path: 'index', message: `must be a whole number from 0 to ${MAX_CHUNK_INDEX}` },
    ]);
  }
  return Number(raw);
}

/**
 * Before any byte is stored: the answer is this candidate's and still takes chunks. One query
 * reads the answer and the interview's deadline together: this runs for every chunk.
 */
export async function answerAcceptingChunks(
  deps: Deps,
  invitation: InvitationsTable,
  answerId: string,
): Promise<Pick<AnswersTable, 'id' | 'status'>> {
  const row = await deps.db
    .selectFrom('answers')
    .innerJoin('interviews', (join) => join.on('interviews.id', '=', invitation.interviewId))
    .select(['answers.id', 'answers.status', 'interviews.deadline'])
    .where('answers.id', '=', answerId)
    .where('answers.invitationId', '=', invitation.id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such answer.');
  assertWithinUploadGrace(deps, contextWithDeadline(deps, invitation, row.deadline));
  assertRecording(row);
  return row;
}

function assertRecording(answer: Pick<AnswersTable, 'status'>): void {
  if (answer.status !== 'recording') {
    throw new ConflictError(
      'answer_closed',
      'This answer was already submitted; it takes no more chunks.',
    );
  }
}

/**
 * Records a stored chunk as the one for its index. Returns the storage keys that are now
 * garbage (a replaced chunk, or this one if it was refused) for the caller to delete.
 */
export async function recordChunk(
  deps: Deps,
  answerId: string,
  index: number,
  stored: StoredChunk,
  expectedSha256: string | undefined,
): Promise<{ garbage: string[] }> {
  if (expectedSha256 !== undefined && expectedSha256.trim().toLowerCase() !== stored.sha256) {
    await deps.storage.delete(stored.key);
    throw new BadRequestError(
      'checksum_mismatch',
      'The chunk arrived damaged (its SHA-256 differs). Send it again.',
    );
  }
  const row = {
    storageKey: stored.key,
    size: stored.size,
    sha256: stored.sha256,
    createdAt: deps.now().toISOString(),
  };
  try {
    if (await insertFirstCopy(deps, answerId, index, row)) return { garbage: [] };
    return await replaceCopy(deps, answerId, index, row);
  } catch (err) {
    await deps.storage.delete(stored.key);
    throw err;
  }
}

type ChunkRow = Omit<ChunksTable, 'answerId' | 'idx'>;

/**
 * The common case in one statement: the first copy of this chunk, while the answer is still
 * recording (checked in the same statement: `complete` may have landed while bytes streamed).
 * False when the answer is closed or the chunk is a resend.
 */
async function insertFirstCopy(
  deps: Deps,
  answerId: string,
  index: number,
  row: ChunkRow,
): Promise<boolean> {
  // Typed casts so PostgreSQL knows what the bare parameters in the select list are.
  const text = (value: string) => sql<string>`cast(${value} as text)`;
  const integer = (value: number) => sql<number>`cast(${value} as integer)`;
  const result = await deps.db
    .insertInto('chunks')
    .columns(['answerId', 'idx', 'storageKey', 'size', 'sha256', 'createdAt'])
    .expression(
      deps.db
        .selectFrom('answers')
        .select([
          text(answerId).as('answerId'),
          integer(index).as('idx'),
          text(row.storageKey).as('storageKey'),
          integer(row.size).as('size'),
          text(row.sha256).as('sha256'),
          text(row.createdAt).as('createdAt'),
        ])
        .where('id', '=', answerId)
        .where('status', '=', 'recording'),
    )
    .onConflict((conflict) => conflict.columns(['answerId', 'idx']).doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 1n;
}

/** A resend (the client never saw our answer) replaces the chunk; or the answer has closed. */
async function replaceCopy(
  deps: Deps,
  answerId: string,
  index: number,
  row: ChunkRow,
): Promise<{ garbage: string[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const answer = await trx
      .selectFrom('answers')
      .select('status')
      .where('id', '=', answerId)
      .executeTakeFirst();
    // Gone: the take was abandoned (it had no chunk yet) while these bytes were arriving.
    if (!answer) throw new NotFoundError('There is no such answer.');
    assertRecording(answer);
    const previous = await trx
      .selectFrom('chunks')
      .select('storageKey')
      .where('answerId', '=', answerId)
      .where('idx', '=', index)
      .executeTakeFirst();
    if (previous) {
      await trx
        .updateTable('chunks')
        .set(row)
        .where('answerId', '=', answerId)
        .where('idx', '=', index)
        .execute();
    } else {
      // Deleted between the two statements: cannot happen while recording, but stay correct.
      await trx
        .insertInto('chunks')
        .values({ answerId, idx: index, ...row })
        .execute();
    }
    return { garbage: previous ? [previous.storageKey] : [] };
  });
}
