import type { Rating, User } from '../contracts/api.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Deps } from '../deps.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';

async function loadAnswerStatus(deps: Deps, answerId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('answers')
    .select('status')
    .where('id', '=', answerId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such answer.');
  return row.status;
}

/** One rating per reviewer and answer; a second call updates it. */
export async function rateAnswer(
  deps: Deps,
  reviewer: User,
  answerId: string,
  input: { score: number; comment: string },
): Promise<Rating> {
  if ((await loadAnswerStatus(deps, answerId)) !== 'ready') {
    throw new ConflictError(
      'answer_not_ready',
      'This answer cannot be rated until its video is ready.',
    );
  }
  const now = deps.now().toISOString();
  const update = () =>
    deps.db
      .updateTable('ratings')
      .set({ score: input.score, comment: input.comment, updatedAt: now })
      .where('answerId', '=', answerId)
      .where('reviewerId', '=', reviewer.id)
      .executeTakeFirst();
  if ((await update()).numUpdatedRows === 0n) {
    const row = {
      id: newId(),
      answerId,
      reviewerId: reviewer.id,
      ...input,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await deps.db.insertInto('ratings').values(row).execute();
    } catch (err) {
      // The same reviewer saving twice at once (two tabs): the second becomes an update.
      if (!isUniqueViolation(err)) throw err;
      await update();
    }
  }
  const [rating] = await ratingsOf(deps, answerId, reviewer.id);
  return rating!;
}

/**
 * Ratings of an answer. Reviewers rate independently: until they have rated it themselves they
 * see only their own (none), so others' scores cannot anchor them. Admins and recruiters see all.
 */
export async function listRatings(deps: Deps, viewer: User, answerId: string): Promise<Rating[]> {
  await loadAnswerStatus(deps, answerId);
  const all = await ratingsOf(deps, answerId);
  if (viewer.role !== 'reviewer' || all.some((r) => r.reviewer.id === viewer.id)) return all;
  return [];
}

async function ratingsOf(deps: Deps, answerId: string, reviewerId?: string): Promise<Rating[]> {
  let query = deps.db
    .selectFrom('ratings')
    .innerJoin('users', 'users.id', 'ratings.reviewerId')
    .select([
      'ratings.id',
      'ratings.answerId',
      'ratings.score',
      'ratings.comment',
      'ratings.updatedAt',
      'users.id as userId',
      'users.name',
    ])
    .where('ratings.answerId', '=', answerId)
    .orderBy('ratings.createdAt');
  if (reviewerId) query = query.where('ratings.reviewerId', '=', reviewerId);
  return (await query.execute()).map((r) => ({
    id: r.id,
    answerId: r.answerId,
    reviewer: { id: r.userId, name: r.name },
    score: r.score,
    comment: r.comment,
    updatedAt: r.updatedAt,
  }));
}
