import type { Interview } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { decisionsOf } from './decisions.js';
import { labelNumbersOf, labelOf } from './pseudonyms.js';

/** Columns the ratings CSV gains with structured review, after the first release's columns. */
export const reviewColumns = [
  'Candidate label',
  'Competency',
  'First score',
  'Revised after reveal',
  'Decision',
  'Decision note',
];

interface ExportedRating {
  answerId: string;
  reviewerId: string;
  invitationId: string;
  questionId: string;
}

/** For each exported rating, its structured-review cells (in `reviewColumns` order). */
export async function reviewColumnsOf(
  deps: Deps,
  interview: Interview,
  rows: ExportedRating[],
): Promise<(row: ExportedRating) => (string | number)[]> {
  const invitationIds = [...new Set(rows.map((r) => r.invitationId))];
  const [labels, decisions, firsts] = await Promise.all([
    labelNumbersOf(deps.db, invitationIds),
    decisionsOf(deps.db, invitationIds),
    rows.length === 0
      ? []
      : deps.db
          .selectFrom('ratings')
          .innerJoin('answers', 'answers.id', 'ratings.answerId')
          .innerJoin('questions', 'questions.id', 'answers.questionId')
          .select([
            'ratings.answerId',
            'ratings.reviewerId',
            'ratings.score',
            'ratings.firstScore',
            'ratings.revisedAfterReveal',
            'ratings.firstBlind',
          ])
          .where('questions.interviewId', '=', interview.id)
          .execute(),
  ]);
  const firstOf = new Map(firsts.map((f) => [`${f.answerId}/${f.reviewerId}`, f]));
  const competencyName = new Map(interview.competencies.map((c) => [c.key, c.name]));
  const competencyOf = new Map(
    interview.questions.map((q) => [
      q.id,
      q.competency ? (competencyName.get(q.competency) ?? '') : '',
    ]),
  );
  return (row) => {
    const first = firstOf.get(`${row.answerId}/${row.reviewerId}`);
    const decision = decisions.get(row.invitationId);
    return [
      labelOf(labels.get(row.invitationId)),
      competencyOf.get(row.questionId) ?? '',
      // A score given after colleagues' were visible has no independent first score.
      first && first.firstBlind !== 0 ? (first.firstScore ?? first.score) : '',
      first?.revisedAfterReveal ? 'yes' : 'no',
      decision?.outcome ?? '',
      decision?.note ?? '',
    ];
  };
}
