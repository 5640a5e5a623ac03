import type { ReviewSettings } from '../../contracts/review.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import { labelNumbersOf } from './pseudonyms.js';
import { reviewSettingsOf } from './rubric.js';

export interface AnswerContext {
  answer: {
    id: string;
    invitationId: string;
    questionId: string;
    status: string;
    durationMs: number | null;
    width: number | null;
    height: number | null;
    error: string | null;
    videoKey: string | null;
    posterKey: string | null;
    audioKey: string | null;
  };
  interviewId: string;
  settings: ReviewSettings;
  candidate: { id: string; name: string; email: string; labelNumber: number };
}

/** An answer with what reviewing it depends on: its interview's settings and its candidate. */
export async function answerContext(deps: Deps, answerId: string): Promise<AnswerContext> {
  const row = await deps.db
    .selectFrom('answers')
    .innerJoin('invitations', 'invitations.id', 'answers.invitationId')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .select([
      'answers.id',
      'answers.invitationId',
      'answers.questionId',
      'answers.status',
      'answers.durationMs',
      'answers.width',
      'answers.height',
      'answers.error',
      'answers.videoKey',
      'answers.posterKey',
      'answers.audioKey',
      'interviews.id as interviewId',
      'interviews.reviewSettings',
      'candidates.id as candidateId',
      'candidates.name',
      'candidates.email',
    ])
    .where('answers.id', '=', answerId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such answer.');
  const labels = await labelNumbersOf(deps.db, [row.invitationId]);
  return {
    answer: {
      id: row.id,
      invitationId: row.invitationId,
      questionId: row.questionId,
      status: row.status,
      durationMs: row.durationMs,
      width: row.width,
      height: row.height,
      error: row.error,
      videoKey: row.videoKey,
      posterKey: row.posterKey,
      audioKey: row.audioKey ?? null,
    },
    interviewId: row.interviewId,
    settings: reviewSettingsOf(row),
    candidate: {
      id: row.candidateId,
      name: row.name,
      email: row.email,
      labelNumber: labels.get(row.invitationId) ?? 0,
    },
  };
}
