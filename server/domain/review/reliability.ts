import type { AlphaFigure, Reliability } from '../../contracts/review.js';
import type { Deps } from '../../deps.js';
import { krippendorffAlpha } from './alpha.js';
import { groupBy, interviewRatings, type TakeRating } from './interview-ratings.js';

interface Unit {
  questionId: string;
  values: { reviewerId: string; score: number }[];
}

/**
 * How far reviewers agree, from independent first scores (a score given after seeing
 * colleagues' would measure anchoring, not agreement): Krippendorff's alpha (interval) overall
 * and per question, and each reviewer's mean deviation from colleagues on shared answers.
 */
export async function interviewReliability(deps: Deps, interviewId: string): Promise<Reliability> {
  const { interview, takes, ratings } = await interviewRatings(deps, interviewId);
  const byAnswer = groupBy(
    ratings.filter((r) => r.independentFirst !== null),
    (r) => r.answerId,
  );
  const units: Unit[] = takes.flatMap((take) => {
    const given = byAnswer.get(take.id) ?? [];
    return given.length >= 2
      ? [{ questionId: take.questionId, values: given.map(firstValueOf) }]
      : [];
  });
  const figure = (list: Unit[]): AlphaFigure => {
    const result = krippendorffAlpha(list.map((u) => u.values.map((v) => v.score)));
    return { alpha: result.alpha, units: result.units, ratings: result.values };
  };
  const perQuestion = groupBy(units, (u) => u.questionId);
  return {
    overall: figure(units),
    questions: interview.questions.map((q) => ({
      questionId: q.id,
      ...figure(perQuestion.get(q.id) ?? []),
    })),
    reviewers: reviewerDeviations(units, ratings),
  };
}

function firstValueOf(r: TakeRating): { reviewerId: string; score: number } {
  return { reviewerId: r.reviewerId, score: r.independentFirst! };
}

/**
 * Per reviewer, the mean over the units they rated of (their score − the mean of the others'
 * scores on that unit), to 3 decimals: negative means harsher than colleagues.
 */
export function reviewerDeviations(
  units: { values: { reviewerId: string; score: number }[] }[],
  ratings: { reviewerId: string; reviewerName: string }[],
): Reliability['reviewers'] {
  const deviations = new Map<string, number[]>();
  for (const unit of units) {
    const total = unit.values.reduce((sum, v) => sum + v.score, 0);
    const others = unit.values.length - 1;
    for (const v of unit.values) {
      const list = deviations.get(v.reviewerId) ?? [];
      list.push(v.score - (total - v.score) / others);
      deviations.set(v.reviewerId, list);
    }
  }
  const names = new Map(ratings.map((r) => [r.reviewerId, r.reviewerName]));
  return [...deviations]
    .map(([id, list]) => ({
      reviewer: { id, name: names.get(id) ?? '' },
      ratings: list.length,
      meanDeviation: round3(list.reduce((a, b) => a + b, 0) / list.length),
    }))
    .sort(
      (a, b) =>
        a.reviewer.name.localeCompare(b.reviewer.name) ||
        a.reviewer.id.localeCompare(b.reviewer.id),
    );
}

export function round3(value: number): number {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? 0 : rounded;
}
