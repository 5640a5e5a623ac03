import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

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
