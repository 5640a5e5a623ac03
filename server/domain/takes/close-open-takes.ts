import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { enqueueOrLeaveToSweep } from './enqueue-answer.js';
import { attemptNote } from './retake-accounting.js';

/** Shown on a take closed before a single chunk of it arrived (with whether it costs an attempt). */
export const REPLACED_EMPTY_TAKE = 'A newer take replaced this one before any of it was uploaded.';

export interface ClosedTakes {
  /** Takes that held chunks: now `processing`, their media jobs to be queued after commit. */
  submitted: { id: string; costSeconds: number }[];
}

/**
 * At most one take of a question is open (`recording`) per candidate: opening another closes
 * the others. Nothing recorded is lost: a take holding chunks is submitted with what it holds
 * (it was an attempt, and its video may be the better one); an empty take becomes a `replaced`
 * tombstone (tombstones.ts), which a device still holding its recording can upload and submit
 * later. The first such take of a question is free (retake-accounting.ts).
 */
export async function closeOpenTakes(
  trx: Transaction<Database>,
  deps: Deps,
  where: { invitationId: string; questionId?: string },
): Promise<ClosedTakes> {
  let query = trx
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.questionId')
    .select([
      'answers.id',
      'answers.questionId',
      'answers.budgetMaxSeconds',
      'questions.maxSeconds',
    ])
    .where('answers.invitationId', '=', where.invitationId)
    .where('answers.status', '=', 'recording');
  if (where.questionId) query = query.where('answers.questionId', '=', where.questionId);
  const open = await query.execute();
  const submitted: ClosedTakes['submitted'] = [];
  const now = deps.now().toISOString();
  for (const { id, questionId, budgetMaxSeconds, maxSeconds } of open) {
    const held = await trx
      .selectFrom('chunks')
      .select(({ fn }) => fn.countAll<number | string>().as('count'))
      .where('answerId', '=', id)
      .executeTakeFirstOrThrow();
    const chunkCount = Number(held.count);
    if (chunkCount > 0) {
      await trx
        .updateTable('answers')
        .set({ status: 'processing', chunkCount, completedAt: now, updatedAt: now })
        .where('id', '=', id)
        .where('status', '=', 'recording')
        .execute();
      submitted.push({ id, costSeconds: budgetMaxSeconds ?? maxSeconds });
    } else {
      const earlier = await trx
        .selectFrom('answers')
        .select(({ fn }) => fn.countAll<number | string>().as('count'))
        .where('invitationId', '=', where.invitationId)
        .where('questionId', '=', questionId)
        .where('status', '=', 'failed')
        .where('failureCause', '=', 'replaced')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('answers')
        .set({
          status: 'failed',
          failureCause: 'replaced',
          error: `${REPLACED_EMPTY_TAKE} ${attemptNote('replaced', Number(earlier.count))}`,
          updatedAt: now,
        })
        .where('id', '=', id)
        .where('status', '=', 'recording')
        .execute();
    }
  }
  return { submitted };
}

/** After the transaction that submitted them committed: queue their media jobs, tell staff. */
export async function queueSubmittedTakes(
  deps: Deps,
  invitationId: string,
  closed: ClosedTakes,
): Promise<void> {
  for (const { id: answerId, costSeconds } of closed.submitted) {
    await enqueueOrLeaveToSweep(deps, { id: answerId, invitationId, costSeconds });
    deps.events.publish('answer-status', { answerId, invitationId, status: 'processing' });
  }
}
