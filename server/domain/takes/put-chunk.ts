import type { Transaction } from 'kysely';
import { compiledOnce, oncePerDatabase } from '../../db/compiled-once.js';
import type { Db } from '../../db/database.js';
import { committedDurably } from '../../db/durable-commits.js';
import type { AnswersTable, Database, InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  AppError,
  BadRequestError,
  ConflictError,
  InputError,
  NotFoundError,
} from '../../errors.js';
import { answerBudget } from '../../media/answer-budget.js';
import { assertWithinUploadGrace, contextWithDeadline } from '../candidate/candidate-access.js';
import type { StoredChunk } from './answer-keys.js';
import { recordFirstCopy } from './chunk-fast-path.js';
import { acceptsChunks, acceptsChunksSql } from './tombstones.js';

/** 15 minutes of 1-second slices is 900; this leaves room for smaller slices. */
export const MAX_CHUNK_INDEX = 99_999;

export function parseChunkIndex(raw: string): number {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) > MAX_CHUNK_INDEX) {
    throw new InputError(`The chunk index must be a whole number from 0 to ${MAX_CHUNK_INDEX}.`, [
      { path: 'index', message: `must be a whole number from 0 to ${MAX_CHUNK_INDEX}` },
    ]);
  }
  return Number(raw);
}

/** The take would hold more bytes than its question's length can justify (answerBudget). */
export class TakeTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super(
      413,
      'take_too_large',
      `This take holds more than a recording of this question's length can (${Math.floor(maxBytes / 1_000_000)} MB).`,
      { maxBytes },
    );
  }
}

type TakeForChunk = Pick<
  AnswersTable,
  'id' | 'status' | 'failureCause' | 'storedBytes' | 'budgetMaxSeconds'
> & { maxSeconds: number; deadline: string | null };

/** The take a chunk is for, with its budget and deadline: built and compiled once per database. */
const takeForChunk = oncePerDatabase((db: Db) =>
  compiledOnce<{ answerId: string; invitationId: string; interviewId: string }, TakeForChunk>(
    db,
    (param) =>
      db
        .selectFrom('answers')
        .innerJoin('interviews', (join) => join.on('interviews.id', '=', param('interviewId')))
        .innerJoin('questions', 'questions.id', 'answers.questionId')
        .select([
          'answers.id',
          'answers.status',
          'answers.failureCause',
          'answers.storedBytes',
          'answers.budgetMaxSeconds',
          'questions.maxSeconds',
          'interviews.deadline',
        ])
        .where('answers.id', '=', param('answerId'))
        .where('answers.invitationId', '=', param('invitationId')),
  ),
);

/**
 * Before any byte is stored: the answer is this candidate's, still takes chunks (it records, or
 * it is a tombstone another device may still upload: tombstones.ts), the interview
 * is not finished, the index is within the take's budget and the take has room left. One query
 * reads the answer, its budget and the interview's deadline together: this runs for every chunk.
 */
export async function answerAcceptingChunks(
  deps: Deps,
  invitation: InvitationsTable,
  answerId: string,
  index: number,
): Promise<Pick<AnswersTable, 'id' | 'status' | 'failureCause'> & { maxBytes: number }> {
  const row = (
    await takeForChunk(deps.db)({
      answerId,
      invitationId: invitation.id,
      interviewId: invitation.interviewId,
    })
  ).rows[0];
  if (!row) throw new NotFoundError('There is no such answer.');
  assertWithinUploadGrace(deps, contextWithDeadline(deps, invitation, row.deadline));
  assertNotFinished(invitation);
  assertAcceptsChunks(row);
  const budget = answerBudget(row.budgetMaxSeconds ?? row.maxSeconds);
  if (index > budget.maxChunkIndex) {
    throw new ConflictError(
      'chunk_index_out_of_range',
      `A take of this question has at most ${budget.maxChunkIndex + 1} chunks.`,
      { maxChunkIndex: budget.maxChunkIndex },
    );
  }
  if (Number(row.storedBytes) >= budget.maxBytes) throw new TakeTooLargeError(budget.maxBytes);
  return { ...row, maxBytes: budget.maxBytes };
}

function assertNotFinished(invitation: Pick<InvitationsTable, 'status'>): void {
  if (invitation.status === 'completed') {
    throw new ConflictError(
      'interview_completed',
      'You have already finished this interview; it takes no more recordings.',
    );
  }
}

function assertAcceptsChunks(answer: Pick<AnswersTable, 'status' | 'failureCause'>): void {
  if (!acceptsChunks(answer)) {
    throw new ConflictError(
      'answer_closed',
      'This answer was already submitted; it takes no more chunks.',
    );
  }
}

/**
 * Records a stored chunk as the one for its index (a resend replaces the earlier copy) and adds
 * its bytes to the take's total, refusing it beyond the take's budget. Returns the storage keys
 * that are now garbage (a replaced chunk) for the caller to delete; a refused chunk's own bytes
 * are deleted here. Resolves only once the record is on disk (durable-commits.ts): the device
 * deletes its copy of a chunk the server acknowledged.
 */
export async function recordChunk(
  deps: Deps,
  answerId: string,
  index: number,
  stored: StoredChunk,
  expectedSha256: string | undefined,
  maxBytes: number,
): Promise<{ garbage: string[] }> {
  let recorded: { garbage: string[] };
  try {
    if (expectedSha256 !== undefined && expectedSha256.trim().toLowerCase() !== stored.sha256) {
      throw new BadRequestError(
        'checksum_mismatch',
        'The chunk arrived damaged (its SHA-256 differs). Send it again.',
      );
    }
    const createdAt = deps.now().toISOString();
    recorded = (await recordFirstCopy(deps.db, answerId, index, stored, maxBytes, createdAt))
      ? { garbage: [] }
      : await deps.db
          .transaction()
          .execute((trx) => recordInTransaction(trx, deps, answerId, index, stored));
  } catch (err) {
    await deps.storage.delete(stored.key);
    throw err;
  }
  // Recorded: from here its bytes are kept even if the sync fails (the device sends it again).
  await committedDurably(deps.db);
  return recorded;
}

async function recordInTransaction(
  trx: Transaction<Database>,
  deps: Deps,
  answerId: string,
  index: number,
  stored: StoredChunk,
): Promise<{ garbage: string[] }> {
  // Taking the answer's row lock first (a no-op write) orders this chunk against the take's
  // other chunks and against `complete` on PostgreSQL; SQLite runs one transaction at a time.
  const locked = await trx
    .updateTable('answers')
    .set((eb) => ({ storedBytes: eb.ref('storedBytes') }))
    .where('id', '=', answerId)
    .where(acceptsChunksSql)
    .executeTakeFirst();
  const answer = await trx
    .selectFrom('answers')
    .innerJoin('invitations', 'invitations.id', 'answers.invitationId')
    .innerJoin('questions', 'questions.id', 'answers.questionId')
    .select([
      'answers.status',
      'answers.failureCause',
      'answers.storedBytes',
      'answers.budgetMaxSeconds',
      'questions.maxSeconds',
      'invitations.status as invitationStatus',
    ])
    .where('answers.id', '=', answerId)
    .executeTakeFirst();
  // Gone: the candidate's data was erased while these bytes were arriving.
  if (!answer) throw new NotFoundError('There is no such answer.');
  if (locked.numUpdatedRows === 0n) assertAcceptsChunks(answer);
  // "Finish" may have landed while the bytes streamed: a finished interview is final.
  assertNotFinished({ status: answer.invitationStatus });
  const previous = await trx
    .selectFrom('chunks')
    .select(['storageKey', 'size'])
    .where('answerId', '=', answerId)
    .where('idx', '=', index)
    .executeTakeFirst();
  const budget = answerBudget(answer.budgetMaxSeconds ?? answer.maxSeconds);
  const storedBytes = Number(answer.storedBytes) - (previous?.size ?? 0) + stored.size;
  if (storedBytes > budget.maxBytes) throw new TakeTooLargeError(budget.maxBytes);

  const row = {
    storageKey: stored.key,
    size: stored.size,
    sha256: stored.sha256,
    createdAt: deps.now().toISOString(),
  };
  if (previous) {
    await trx
      .updateTable('chunks')
      .set(row)
      .where('answerId', '=', answerId)
      .where('idx', '=', index)
      .execute();
  } else {
    await trx
      .insertInto('chunks')
      .values({ answerId, idx: index, ...row })
      .execute();
  }
  await trx.updateTable('answers').set({ storedBytes }).where('id', '=', answerId).execute();
  return { garbage: previous ? [previous.storageKey] : [] };
}
