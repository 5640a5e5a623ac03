import type { Answer } from '../../contracts/api.js';
import type { Db } from '../../db/database.js';
import type { AnswersTable } from '../../db/schema.js';
import { NotFoundError } from '../../errors.js';
import { isTombstone } from './tombstones.js';

/** What the server holds of an answer's upload. */
export interface ReceivedChunks {
  indexes: number[];
  /** When a chunk was last written (stored or replaced); null before the first. */
  lastAt: string | null;
}

/** Chunk indexes the server holds for each answer, and when each answer last got one. */
export async function receivedChunksOf(
  db: Db,
  answerIds: string[],
): Promise<Map<string, ReceivedChunks>> {
  const byAnswer = new Map<string, ReceivedChunks>(
    answerIds.map((id) => [id, { indexes: [], lastAt: null }]),
  );
  if (answerIds.length === 0) return byAnswer;
  const rows = await db
    .selectFrom('chunks')
    .select(['answerId', 'idx', 'createdAt'])
    .where('answerId', 'in', answerIds)
    .orderBy('idx')
    .execute();
  for (const row of rows) {
    const received = byAnswer.get(row.answerId);
    if (!received) continue;
    received.indexes.push(row.idx);
    // ISO 8601 UTC strings with milliseconds compare in time order.
    if (received.lastAt === null || row.createdAt > received.lastAt)
      received.lastAt = row.createdAt;
  }
  return byAnswer;
}

/** Without `received` (a take just started), the answer holds no chunks: a fresh empty list. */
export function toAnswer(
  row: AnswersTable,
  received: ReceivedChunks = { indexes: [], lastAt: null },
): Answer {
  return {
    id: row.id,
    questionId: row.questionId,
    attempt: row.attempt,
    mimeType: row.mimeType,
    status: row.status,
    receivedChunks: received.indexes,
    maxChunkBytes: row.maxChunkBytes,
    durationMs: row.durationMs,
    error: row.error,
    lastChunkAt: received.lastAt,
    tombstone: isTombstone(row),
    discarded: row.failureCause === 'discarded',
  };
}

/** An answer of this invitation, or 404: another candidate's answers do not exist for you. */
export async function loadOwnAnswer(
  db: Db,
  invitationId: string,
  answerId: string,
): Promise<AnswersTable> {
  const row = await db
    .selectFrom('answers')
    .selectAll()
    .where('id', '=', answerId)
    .where('invitationId', '=', invitationId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such answer.');
  return row;
}

export async function answerWithChunks(db: Db, row: AnswersTable): Promise<Answer> {
  const chunks = await receivedChunksOf(db, [row.id]);
  return toAnswer(row, chunks.get(row.id));
}
