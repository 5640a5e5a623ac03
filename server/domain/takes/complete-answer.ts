import type { Answer } from '../../contracts/api.js';
import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError } from '../../errors.js';
import { assertWithinUploadGrace, candidateContext } from '../candidate/candidate-access.js';
import { answerWithChunks, loadOwnAnswer } from './answer-view.js';
import { enqueueOrLeaveToSweep } from './enqueue-answer.js';
import { acceptsChunks, acceptsChunksSql } from './tombstones.js';

/**
 * The candidate pressed stop and every chunk is acknowledged: freeze the chunk list and queue
 * the media job. Calling it again answers the current state, so a client may retry blindly.
 * A tombstone (tombstones.ts) is submitted the same way: from then on it is an ordinary take.
 */
export async function completeAnswer(
  deps: Deps,
  invitation: InvitationsTable,
  answerId: string,
  input: { chunkCount: number; durationMs?: number },
): Promise<Answer> {
  const answer = await loadOwnAnswer(deps.db, invitation.id, answerId);
  if (!acceptsChunks(answer)) return answerWithChunks(deps.db, answer);
  assertWithinUploadGrace(deps, await candidateContext(deps, invitation));
  if (invitation.status === 'completed') throw interviewCompleted();

  const received = (
    await deps.db.selectFrom('chunks').select('idx').where('answerId', '=', answerId).execute()
  ).map((c) => c.idx);
  const have = new Set(received);
  const missing = Array.from({ length: input.chunkCount }, (_, i) => i).filter((i) => !have.has(i));
  if (missing.length > 0) {
    throw new ConflictError('missing_chunks', `${missing.length} chunk(s) have not arrived yet.`, {
      missing,
    });
  }
  const beyond = received.filter((i) => i >= input.chunkCount).sort((a, b) => a - b);
  if (beyond.length > 0) {
    // Never silently drop recorded video: a count lower than what arrived is a client bug.
    throw new ConflictError(
      'chunk_count_mismatch',
      `Chunks beyond chunkCount have arrived: ${beyond.join(', ')}.`,
      {
        unexpected: beyond,
      },
    );
  }

  const now = deps.now().toISOString();
  const updated = await deps.db
    .updateTable('answers')
    .set({
      status: 'processing',
      chunkCount: input.chunkCount,
      clientDurationMs: input.durationMs ?? null,
      completedAt: now,
      updatedAt: now,
      // A tombstone's cause and sentence no longer apply: it was handed in after all.
      failureCause: null,
      error: null,
    })
    .where('id', '=', answerId)
    .where(acceptsChunksSql)
    // In the same statement: a "finish" that landed meanwhile makes the interview final.
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('invitations')
          .select('invitations.id')
          .where('invitations.id', '=', invitation.id)
          .where('invitations.status', '!=', 'completed'),
      ),
    )
    .executeTakeFirst();
  if (updated.numUpdatedRows > 0n) {
    // The answer is safely `processing` in the database. If queueing fails now (Redis down) or
    // the process dies here, the stranded-answer sweep queues it later: the candidate is not failed.
    const limitSeconds = answer.budgetMaxSeconds ?? (await questionLimit(deps, answer.questionId));
    const claimedSeconds = (input.durationMs ?? limitSeconds * 1000) / 1000;
    await enqueueOrLeaveToSweep(deps, {
      id: answerId,
      invitationId: invitation.id,
      costSeconds: Math.min(limitSeconds, claimedSeconds),
    });
    deps.events.publish('answer-status', {
      answerId,
      invitationId: invitation.id,
      status: 'processing',
    });
  }
  const current = await loadOwnAnswer(deps.db, invitation.id, answerId);
  if (acceptsChunks(current)) throw interviewCompleted();
  return answerWithChunks(deps.db, current);
}

function interviewCompleted(): ConflictError {
  return new ConflictError(
    'interview_completed',
    'You have already finished this interview; its answers can no longer change.',
  );
}

async function questionLimit(deps: Deps, questionId: string): Promise<number> {
  const question = await deps.db
    .selectFrom('questions')
    .select('maxSeconds')
    .where('id', '=', questionId)
    .executeTakeFirstOrThrow();
  return question.maxSeconds;
}
