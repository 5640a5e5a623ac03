import type { Deps } from '../../deps.js';
import { getInterview } from '../interviews/interviews.js';
import { latestTakes } from './latest-takes.js';

export interface TakeRating {
  answerId: string;
  reviewerId: string;
  reviewerName: string;
  score: number;
  /** The score given before colleagues' scores were visible (null: given after they were). */
  independentFirst: number | null;
}

/**
 * An interview with the latest submitted take of each candidate and question, and every rating
 * of those takes: what results and reliability are computed from. Three queries whatever the
 * size; ratings of superseded takes are dropped here.
 */
export async function interviewRatings(deps: Deps, interviewId: string) {
  const interview = await getInterview(deps.db, interviewId);
  // Reference (calibration) answers count in calibration only.
  const takes = await latestTakes(deps.db, { interviewId, reference: 'live' });
  const latest = new Set(takes.map((t) => t.id));
  const rows = await deps.db
    .selectFrom('ratings')
    .innerJoin('answers', 'answers.id', 'ratings.answerId')
    .innerJoin('questions', 'questions.id', 'answers.questionId')
    .innerJoin('users', 'users.id', 'ratings.reviewerId')
    .select([
      'ratings.answerId',
      'ratings.reviewerId',
      'ratings.score',
      'ratings.firstScore',
      'ratings.firstBlind',
      'users.name',
    ])
    .where('questions.interviewId', '=', interviewId)
    .execute();
  const ratings: TakeRating[] = rows
    .filter((r) => latest.has(r.answerId))
    .map((r) => ({
      answerId: r.answerId,
      reviewerId: r.reviewerId,
      reviewerName: r.name,
      score: r.score,
      independentFirst: r.firstBlind === 0 ? null : (r.firstScore ?? r.score),
    }));
  return { interview, takes, ratings };
}

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
