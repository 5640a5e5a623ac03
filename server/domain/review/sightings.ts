import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { getInterview } from '../interviews/interviews.js';
import { latestTakes } from './latest-takes.js';

/**
 * Sealed for organisers too (API.md): reading an interview's results, reliability or ratings
 * CSV shows every rating of it at that moment. Only the latest such moment per person and
 * interview is kept: a colleague's rating that existed at any earlier reading also existed at
 * the latest one, so the latest answers "had they seen it?" for every rating saved afterwards.
 *
 * Call after the data was read, so every rating it held was created before the recorded time.
 */
export async function recordSighting(
  deps: Deps,
  userId: string,
  interviewId: string,
): Promise<void> {
  const seenAt = deps.now().toISOString();
  await deps.db
    .insertInto('staffSightings')
    .values({ userId, interviewId, seenAt })
    .onConflict((oc) => oc.columns(['userId', 'interviewId']).doUpdateSet({ seenAt }))
    .execute();
}

/**
 * Did this person read every rating of the interview (results, reliability, CSV) at a moment
 * when a colleague's rating of this answer already existed?
 */
export async function sawColleagueRating(
  db: Kysely<Database>,
  userId: string,
  interviewId: string,
  answerId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('staffSightings')
    .innerJoin('ratings', (join) =>
      join
        .on('ratings.answerId', '=', answerId)
        .on('ratings.reviewerId', '!=', userId)
        .onRef('ratings.createdAt', '<=', 'staffSightings.seenAt'),
    )
    .select('ratings.id')
    .where('staffSightings.userId', '=', userId)
    .where('staffSightings.interviewId', '=', interviewId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * For the workspace's warning before results or reliability: how many of this interview's
 * answers (latest takes of completed candidates) I have rated, and how many I have not (ready
 * or still converting). An organiser with both is one whose later ratings reading would take out of agreement.
 */
export async function mySealing(
  deps: Deps,
  userId: string,
  interviewId: string,
): Promise<{ rated: number; unrated: number }> {
  await getInterview(deps.db, interviewId);
  const takes = await latestTakes(deps.db, { interviewId, reference: 'live' });
  const completed = new Set(
    (
      await deps.db
        .selectFrom('invitations')
        .select('id')
        .where('interviewId', '=', interviewId)
        .where('status', '=', 'completed')
        .execute()
    ).map((r) => r.id),
  );
  // An answer still converting will be rated later too: it counts as one left to rate.
  const live = takes.filter((t) => completed.has(t.invitationId) && t.status !== 'failed');
  if (live.length === 0) return { rated: 0, unrated: 0 };
  const mine = new Set(
    (
      await deps.db
        .selectFrom('ratings')
        .innerJoin('answers', 'answers.id', 'ratings.answerId')
        .innerJoin('questions', 'questions.id', 'answers.questionId')
        .select('ratings.answerId')
        .where('ratings.reviewerId', '=', userId)
        .where('questions.interviewId', '=', interviewId)
        .execute()
    ).map((r) => r.answerId),
  );
  const rated = live.filter((t) => mine.has(t.id)).length;
  return { rated, unrated: live.length - rated };
}
