import type { ExpressionBuilder } from 'kysely';
import type { Answer } from '../../contracts/api.js';
import type { AnswersTable, Database, InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError } from '../../errors.js';
import { assertWithinUploadGrace, candidateContext } from '../candidate/candidate-access.js';
import { answerWithChunks, loadOwnAnswer } from './answer-view.js';
import { attemptNote } from './retake-accounting.js';
import { acceptsChunks, acceptsChunksSql } from './tombstones.js';

/** Shown on a take the candidate set aside for an earlier one (it still counts as an attempt). */
export const DISCARDED_TAKE = `You chose to keep an earlier answer to this question instead of this recording. ${attemptNote('discarded', 0)}`;

/**
 * Extension (`POST /candidate/answers/:id/discard`, issue 21): an interrupted retake (a reload, a
 * crash) must not displace the complete answer before it without the candidate choosing. The
 * recorder leaves such a take open and asks; keeping the earlier answer calls this, which closes
 * the take as `failed`/`discarded` so that the earlier one stays the latest submitted (the one
 * reviewed). It still counts as an attempt: it was recorded. Only a take still taking chunks (open,
 * or a tombstone: tombstones.ts) can be set aside, and only while an earlier take of its question
 * is submitted; again on a discarded take: no change.
 */
export async function discardAnswer(
  deps: Deps,
  invitation: InvitationsTable,
  answerId: string,
): Promise<Answer> {
  const answer = await loadOwnAnswer(deps.db, invitation.id, answerId);
  if (answer.failureCause === 'discarded') return answerWithChunks(deps.db, answer);
  assertOpen(answer);
  assertWithinUploadGrace(deps, await candidateContext(deps, invitation));

  // One statement checks and closes: a `complete` or a `finish` landing meanwhile wins.
  const result = await deps.db
    .updateTable('answers')
    .set({
      status: 'failed',
      failureCause: 'discarded',
      error: DISCARDED_TAKE,
      updatedAt: deps.now().toISOString(),
    })
    .where('id', '=', answerId)
    .where(acceptsChunksSql)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('answers as earlier')
          .select('earlier.id')
          .where('earlier.invitationId', '=', invitation.id)
          .where('earlier.questionId', '=', answer.questionId)
          .where('earlier.attempt', '<', answer.attempt)
          .where('earlier.status', 'in', ['processing', 'ready']),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('invitations')
          .select('invitations.id')
          .where('invitations.id', '=', invitation.id)
          .where('invitations.status', '!=', 'completed'),
      ),
    )
    .executeTakeFirst();
  const now = await loadOwnAnswer(deps.db, invitation.id, answerId);
  if (result.numUpdatedRows > 0n || now.failureCause === 'discarded') {
    return answerWithChunks(deps.db, now);
  }
  assertOpen(now);
  const { status } = await deps.db
    .selectFrom('invitations')
    .select('status')
    .where('id', '=', invitation.id)
    .executeTakeFirstOrThrow();
  if (status === 'completed') {
    throw new ConflictError(
      'interview_completed',
      'You have already finished this interview; its answers can no longer change.',
    );
  }
  throw new ConflictError(
    'no_earlier_take',
    'There is no earlier complete answer to this question to keep: hand this recording in instead.',
  );
}

/** SQL: the take was set aside (false, never null, so that NOT(...) works too). */
export function discardedSql(eb: ExpressionBuilder<Database, 'answers'>) {
  return eb.and([
    eb('answers.failureCause', 'is not', null),
    eb('answers.failureCause', '=', 'discarded'),
  ]);
}

function assertOpen(take: AnswersTable): void {
  if (!acceptsChunks(take)) {
    throw new ConflictError(
      'answer_closed',
      'This take was already handed in or closed; it cannot be set aside.',
    );
  }
}
