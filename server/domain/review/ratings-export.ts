import type { Deps } from '../../deps.js';
import type { Actor } from '../actor.js';
import { getInterview } from '../interviews/interviews.js';
import { locationName, programmeOf } from '../programmes/programme-settings.js';
import { csvDocument } from './csv.js';
import { reviewColumns, reviewColumnsOf } from './export-columns.js';

export const RATINGS_CSV_HEADER = [
  'Candidate',
  'Email',
  'Question number',
  'Question',
  'Reviewer',
  'Score',
  'Comment',
  'Rated at',
  ...reviewColumns,
  // Issue 21: a multi-city programme is run city by city.
  'Location',
];

/**
 * Every rating of an interview, one row each, grouped by candidate then question order. The
 * export (`ratings.exported`) is on the trail before the file is handed over: if it cannot be
 * recorded, nothing leaves.
 */
export async function ratingsCsv(
  deps: Deps,
  actor: Actor,
  interviewId: string,
): Promise<{ title: string; csv: string }> {
  const interview = await getInterview(deps.db, interviewId);
  const rows = await deps.db
    .selectFrom('ratings')
    .innerJoin('answers', 'answers.id', 'ratings.answerId')
    .innerJoin('questions', 'questions.id', 'answers.questionId')
    .innerJoin('invitations', 'invitations.id', 'answers.invitationId')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .innerJoin('users', 'users.id', 'ratings.reviewerId')
    .select([
      'candidates.name as candidate',
      'candidates.email',
      'questions.position',
      'questions.prompt',
      'users.name as reviewer',
      'ratings.score',
      'ratings.comment',
      'ratings.updatedAt',
      'ratings.answerId',
      'ratings.reviewerId',
      'answers.invitationId',
      'answers.questionId',
      'invitations.locationKey',
    ])
    .where('invitations.interviewId', '=', interviewId)
    .where('invitations.reference', '=', 0)
    .orderBy('candidates.name')
    .orderBy('invitations.id')
    .orderBy('questions.position')
    .orderBy('answers.attempt')
    .orderBy('users.name')
    .execute();
  const review = await reviewColumnsOf(deps, interview, rows);
  const programme = await programmeOf(deps.db, interviewId);
  const body = rows.map((r) => [
    r.candidate,
    r.email,
    r.position + 1,
    r.prompt,
    r.reviewer,
    r.score,
    r.comment,
    r.updatedAt,
    ...review(r),
    locationName(programme, r.locationKey)?.name ?? '',
  ]);
  const csv = csvDocument([RATINGS_CSV_HEADER, ...body]);
  await deps.db.transaction().execute((trx) =>
    deps.audit.recordInTransaction(trx, {
      actor,
      action: 'ratings.exported',
      target: { type: 'interview', id: interviewId },
    }),
  );
  return { title: interview.title, csv };
}
