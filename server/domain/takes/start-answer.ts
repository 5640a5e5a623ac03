import type { Answer } from '../../contracts/api.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { AnswersTable, InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError, NotFoundError, UnsupportedMediaTypeError } from '../../errors.js';
import { newId } from '../../ids.js';
import { answerBudget } from '../../media/answer-budget.js';
import { effectiveLimits } from '../accommodations/effective-limits.js';
import {
  assertOpenForNewWork,
  candidateContext,
  markStarted,
} from '../candidate/candidate-access.js';
import { toAnswer } from './answer-view.js';
import { type ClosedTakes, closeOpenTakes, queueSubmittedTakes } from './close-open-takes.js';
import { countedAttempts } from './retake-accounting.js';
import { thinkRemainingMs } from './think-time.js';

/**
 * The largest chunk accepted. MediaRecorder's 1-second slices are ~100–500 KB, but after a
 * phone sleeps or a camera stalls one slice can hold tens of MB; refusing it would lose video.
 */
export const MAX_CHUNK_BYTES = 64 * 1024 * 1024;

const ACCEPTED_TYPE = /^(video\/(webm|mp4)|audio\/[a-z0-9.+-]+)(\s*;.*)?$/i;

/**
 * A new take of a question: each call is a new attempt, up to 1 + retakes (retake-accounting.ts
 * says which failed takes are free). An open take of the same question is closed first.
 */
export async function startAnswer(
  deps: Deps,
  invitation: InvitationsTable,
  input: { questionId: string; mimeType: string },
): Promise<Answer> {
  const ctx = await candidateContext(deps, invitation);
  assertOpenForNewWork(ctx);
  if (!ACCEPTED_TYPE.test(input.mimeType)) {
    throw new UnsupportedMediaTypeError('Record as video/webm, video/mp4 or an audio/* type.');
  }
  await assertFormatAllowed(deps, invitation.interviewId, input.mimeType);
  const question = await deps.db
    .selectFrom('questions')
    .select(['id', 'retakes', 'maxSeconds', 'thinkSeconds'])
    .where('id', '=', input.questionId)
    .where('interviewId', '=', invitation.interviewId)
    .executeTakeFirst();
  if (!question) throw new NotFoundError('There is no such question in this interview.');

  const { answer, closed } = await insertNextAttempt(
    deps,
    invitation.id,
    question,
    input.mimeType.trim(),
  ).catch((err: unknown) => {
    // Two takes started at the same instant (two tabs): the unique attempt number picks one.
    if (isUniqueViolation(err)) {
      throw new ConflictError(
        'attempt_conflict',
        'Another take of this question was started at the same moment.',
      );
    }
    throw err;
  });
  await queueSubmittedTakes(deps, invitation.id, closed);
  if (invitation.status === 'invited') await markStarted(deps, invitation);
  const { thinkSeconds } = effectiveLimits(question, invitation);
  // Created this instant: the whole thinking time, which starts when the prompt is shown.
  return {
    ...toAnswer(answer),
    thinkRemainingMs: thinkRemainingMs(answer, 0, thinkSeconds, new Date(answer.createdAt)),
  };
}

/**
 * An interview that forbids sound-only answers refuses a sound-only take here too, so that no
 * client (an old page, a script) can record one the recorder itself would not.
 */
async function assertFormatAllowed(
  deps: Deps,
  interviewId: string,
  mimeType: string,
): Promise<void> {
  if (!/^\s*audio\//i.test(mimeType)) return;
  const { allowAudioOnly } = await deps.db
    .selectFrom('interviews')
    .select('allowAudioOnly')
    .where('id', '=', interviewId)
    .executeTakeFirstOrThrow();
  if (Number(allowAudioOnly) === 1) return;
  throw new ConflictError(
    'video_required',
    'This interview needs answers on video: record with a camera, not sound only.',
  );
}

async function insertNextAttempt(
  deps: Deps,
  invitationId: string,
  question: { id: string; retakes: number; maxSeconds: number },
  mimeType: string,
): Promise<{ answer: AnswersTable; closed: ClosedTakes }> {
  return deps.db.transaction().execute(async (trx) => {
    // In the same transaction as the insert: "finish" cannot slip between check and take.
    const invitation = await trx
      .selectFrom('invitations')
      .select(['status', 'extraTime'])
      .where('id', '=', invitationId)
      .executeTakeFirstOrThrow();
    if (invitation.status === 'completed') {
      throw new ConflictError('interview_completed', 'You have already finished this interview.');
    }
    const takes = await trx
      .selectFrom('answers')
      .select(['attempt', 'status', 'failureCause'])
      .where('invitationId', '=', invitationId)
      .where('questionId', '=', question.id)
      .execute();
    if (countedAttempts(takes) >= 1 + question.retakes) {
      throw new ConflictError(
        'retakes_exhausted',
        'You have used every attempt for this question.',
      );
    }
    const closed = await closeOpenTakes(trx, deps, { invitationId, questionId: question.id });
    // The accommodations feature gives some candidates a longer limit: it plugs in here.
    const budgetMaxSeconds = effectiveLimits(question, invitation).maxSeconds;
    const now = deps.now().toISOString();
    const row: AnswersTable = {
      id: newId(),
      invitationId,
      questionId: question.id,
      attempt: Math.max(0, ...takes.map((t) => t.attempt)) + 1,
      mimeType,
      status: 'recording' as const,
      maxChunkBytes: Math.min(MAX_CHUNK_BYTES, answerBudget(budgetMaxSeconds).maxBytes),
      chunkCount: null,
      clientDurationMs: null,
      durationMs: null,
      width: null,
      height: null,
      error: null,
      videoKey: null,
      posterKey: null,
      createdAt: now,
      completedAt: null,
      updatedAt: now,
      budgetMaxSeconds,
      storedBytes: 0,
      failureCause: null,
    };
    await trx.insertInto('answers').values(row).execute();
    return { answer: row, closed };
  });
}
