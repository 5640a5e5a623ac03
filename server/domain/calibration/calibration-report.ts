import type { ReviewerCalibration } from '../../contracts/fairness.js';
import type { Deps } from '../../deps.js';
import { getInterview } from '../interviews/interviews.js';
import { round3 } from '../review/reliability.js';

/** How many of a reviewer's latest scores make "recent", and when their drift raises an alarm. */
export const RECENT_COUNT = 10;
export const ALARM_MIN_RATINGS = 5;
export const ALARM_BIAS = 0.75;

/**
 * Per staff member who rated a reference answer of this interview: how their independent first
 * scores on reference answers with an expert score compare with the expert's (NAEP/ETS-style
 * monitoring): bias, mean absolute error, exact and adjacent agreement, and recent drift.
 */
export async function calibrationReport(
  deps: Deps,
  interviewId: string,
): Promise<{ reviewers: ReviewerCalibration[] }> {
  await getInterview(deps.db, interviewId);
  const rows = await deps.db
    .selectFrom('ratings')
    .innerJoin('answers', 'answers.id', 'ratings.answerId')
    .innerJoin('invitations', 'invitations.id', 'answers.invitationId')
    .innerJoin('users', 'users.id', 'ratings.reviewerId')
    .leftJoin('expertScores', 'expertScores.answerId', 'ratings.answerId')
    .select([
      'ratings.answerId',
      'ratings.reviewerId',
      'ratings.score',
      'ratings.firstScore',
      'ratings.firstBlind',
      'ratings.createdAt',
      'users.name',
      'expertScores.score as expert',
    ])
    .where('invitations.interviewId', '=', interviewId)
    .where('invitations.reference', '=', 1)
    .where('invitations.erasingAt', 'is', null)
    .orderBy('ratings.createdAt')
    .orderBy('ratings.id')
    .execute();
  const byReviewer = new Map<string, { name: string; diffs: ReviewerCalibration['recent'] }>();
  for (const r of rows) {
    const entry = byReviewer.get(r.reviewerId) ?? { name: r.name, diffs: [] };
    byReviewer.set(r.reviewerId, entry);
    // Only an independent first score measures the rater, not what colleagues said.
    if (r.expert === null || r.firstBlind === 0) continue;
    entry.diffs.push({
      answerId: r.answerId,
      at: r.createdAt,
      difference: (r.firstScore ?? r.score) - r.expert,
    });
  }
  const reviewers = [...byReviewer].map(([id, { name, diffs }]) => summarise({ id, name }, diffs));
  reviewers.sort(
    (a, b) =>
      a.reviewer.name.localeCompare(b.reviewer.name) || a.reviewer.id.localeCompare(b.reviewer.id),
  );
  return { reviewers };
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round3(values.reduce((a, b) => a + b, 0) / values.length);
}

export function summarise(
  reviewer: { id: string; name: string },
  diffs: ReviewerCalibration['recent'],
): ReviewerCalibration {
  const d = diffs.map((x) => x.difference);
  const recent = diffs.slice(-RECENT_COUNT);
  const recentBias = mean(recent.map((x) => x.difference));
  return {
    reviewer,
    rated: d.length,
    bias: mean(d),
    mae: mean(d.map(Math.abs)),
    exact: mean(d.map((x) => (x === 0 ? 1 : 0))),
    adjacent: mean(d.map((x) => (Math.abs(x) <= 1 ? 1 : 0))),
    recentBias,
    alarm:
      recent.length >= ALARM_MIN_RATINGS &&
      recentBias !== null &&
      Math.abs(recentBias) >= ALARM_BIAS,
    recent,
  };
}
