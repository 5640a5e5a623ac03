import type { Answer } from '../../contracts/api.js';
import type { AnswersTable, InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { effectiveLimits } from '../accommodations/effective-limits.js';
import { answerWithChunks } from './answer-view.js';

/**
 * Issue 9: the thinking time a take has left. A question's prompt is shown only once its take
 * exists, so the thinking time runs from the take's creation, on the server's clock: a reload,
 * or a device whose clock is wrong, buys no time. Only a take still recording with no chunk is
 * thinking (or about to record); for any other take this is null.
 */
export function thinkRemainingMs(
  take: Pick<AnswersTable, 'status' | 'createdAt'>,
  chunkCount: number,
  thinkSeconds: number,
  now: Date,
): number | null {
  if (take.status !== 'recording' || chunkCount > 0) return null;
  const thinkMs = thinkSeconds * 1000;
  const elapsed = now.getTime() - Date.parse(take.createdAt);
  // Clamped both ways: a clock that stepped back between processes gives no more than the whole.
  return Math.min(thinkMs, Math.max(0, thinkMs - elapsed));
}

/** The question's thinking time for this invitation (extra time counts), in seconds. */
export async function effectiveThinkSeconds(
  deps: Deps,
  invitation: Pick<InvitationsTable, 'extraTime'>,
  questionId: string,
): Promise<number> {
  const question = await deps.db
    .selectFrom('questions')
    .select(['thinkSeconds', 'maxSeconds'])
    .where('id', '=', questionId)
    .executeTakeFirstOrThrow();
  return effectiveLimits(question, invitation).thinkSeconds;
}

/** One of the candidate's own answers, as GET /candidate/answers/:id shows it. */
export async function candidateAnswer(
  deps: Deps,
  invitation: InvitationsTable,
  row: AnswersTable,
): Promise<Answer> {
  const answer = await answerWithChunks(deps.db, row);
  const thinkSeconds = await effectiveThinkSeconds(deps, invitation, row.questionId);
  return {
    ...answer,
    thinkRemainingMs: thinkRemainingMs(row, answer.receivedChunks.length, thinkSeconds, deps.now()),
  };
}
