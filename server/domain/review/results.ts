import type { ResultItem, ScoreSummary } from '../../contracts/review.js';
import type { Deps } from '../../deps.js';
import { InputError } from '../../errors.js';
import { visibleStatus } from '../invitations/invitation-status.js';
import { locationName, programmeOf } from '../programmes/programme-settings.js';
import { decisionsOf } from './decisions.js';
import { groupBy, interviewRatings } from './interview-ratings.js';
import { labelNumbersOf, labelOf } from './pseudonyms.js';

/** Mean, count and population standard deviation of some scores. */
export function summarise(scores: number[]): ScoreSummary {
  const n = scores.length;
  if (n === 0) return { mean: null, n: 0, spread: null };
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  const variance = scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / n;
  return { mean, n, spread: Math.sqrt(variance) };
}

/**
 * Per candidate: the mean of every current rating of their latest takes, overall and per
 * competency (over the questions that measure it), whether every answer holds the ratings the
 * interview requires, and the decision. For organisers: names are shown.
 */
export async function interviewResults(
  deps: Deps,
  interviewId: string,
  location?: string,
): Promise<ResultItem[]> {
  const { interview, takes, ratings } = await interviewRatings(deps, interviewId);
  const programme = await programmeOf(deps.db, interviewId);
  if (location !== undefined && !programme?.locations.some((l) => l.key === location)) {
    throw new InputError('Choose one of the interview’s cities.', [
      { path: 'location', message: 'is not one of this interview’s cities' },
    ]);
  }
  let query = deps.db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .select([
      'invitations.id',
      'invitations.status',
      'invitations.expiresAt',
      'candidates.id as candidateId',
      'candidates.name',
      'candidates.email',
      'invitations.locationKey',
    ])
    .where('invitations.interviewId', '=', interviewId)
    // Reference (calibration) invitations are not candidates.
    .where('invitations.reference', '=', 0);
  if (location !== undefined) query = query.where('invitations.locationKey', '=', location);
  const invitations = await query.execute();
  const ids = invitations.map((i) => i.id);
  const [labels, decisions] = await Promise.all([
    labelNumbersOf(deps.db, ids),
    decisionsOf(deps.db, ids),
  ]);
  const competencyOf = new Map(interview.questions.map((q) => [q.id, q.competency]));
  const takesOf = groupBy(takes, (t) => t.invitationId);
  const ratingsOf = groupBy(ratings, (r) => r.answerId);
  const required = interview.review.ratingsRequired;
  const now = deps.now();

  const items = invitations.map((inv): ResultItem => {
    const own = takesOf.get(inv.id) ?? [];
    const scored = own.flatMap((take) =>
      (ratingsOf.get(take.id) ?? []).map((r) => ({
        competency: competencyOf.get(take.questionId) ?? null,
        score: r.score,
      })),
    );
    const status = visibleStatus(inv, interview.deadline, now);
    const ready = own.filter((t) => t.status === 'ready');
    return {
      invitationId: inv.id,
      candidate: {
        id: inv.candidateId,
        name: inv.name,
        email: inv.email,
        label: labelOf(labels.get(inv.id)),
      },
      status,
      location: locationName(programme, inv.locationKey),
      competencies: interview.competencies.map((c) => ({
        key: c.key,
        ...summarise(scored.filter((s) => s.competency === c.key).map((s) => s.score)),
      })),
      overall: summarise(scored.map((s) => s.score)),
      // A take that failed processing cannot be rated: it does not hold the others back.
      ratingsComplete:
        status === 'completed' &&
        ready.length > 0 &&
        own.every((t) => t.status !== 'processing') &&
        ready.every((t) => (ratingsOf.get(t.id)?.length ?? 0) >= required),
      decision: decisions.get(inv.id) ?? null,
    };
  });
  return items.sort((a, b) => labelNumber(a) - labelNumber(b));
}

function labelNumber(item: ResultItem): number {
  return Number(item.candidate.label.replace(/\D/g, '')) || 0;
}
