import type { Answer } from '../contracts/api.js';
import type { Db } from '../db/database.js';
import type { AnswersTable } from '../db/schema.js';
import { NotFoundError } from '../errors.js';

/** Chunk indexes the server holds for each answer. */
export async function receivedChunksOf(
  db: Db,
  answerIds: string[],
): Promise<Map<string, number[]>> {
  const byAnswer = new Map<string, number[]>(answerIds.map((id) => [id, []]));
  if (answerIds.length === 0) return byAnswer;
  const rows = await db
    .selectFrom('chunks')
    .select(['answerId', 'idx'])
    .where('answerId', 'in', answerIds)
    .orderBy('idx')
    .execute();
  for (const row of rows) byAnswer.get(row.answerId)?.push(row.idx);
  return byAnswer;
}

export function toAnswer(row: AnswersTable, receivedChunks: number[]): Answer {
  return {
    id: row.id,
    questionId: row.questionId,
    attempt: row.attempt,
    mimeType: row.mimeType,
    status: row.status,
    receivedChunks,
    maxChunkBytes: row.maxChunkBytes,
    durationMs: row.durationMs,
    error: row.error,
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
  return toAnswer(row, chunks.get(row.id) ?? []);
}
