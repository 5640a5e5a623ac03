import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { CreateInterviewRequest, Interview, InterviewQuestion } from '../../contracts/api.js';
import type { Anchors, Competency, ReviewSettings } from '../../contracts/review.js';
import type { Database } from '../../db/schema.js';
import { assertCompetenciesKnown, rubricColumns } from './rubric.js';

type NewInterview = z.output<typeof CreateInterviewRequest>;

interface RubricEdit {
  id?: string;
  competency?: string | null;
  guidance?: string;
  anchors?: Anchors;
  translations?: InterviewQuestion['translations'];
}

export interface RubricChanges {
  competencies?: Competency[];
  review?: Partial<ReviewSettings>;
  questions?: RubricEdit[];
}

/** Column values of a new interview's competencies, settings and per-question rubric. */
export function storedRubric(input: NewInterview) {
  return {
    interview: {
      competencies: JSON.stringify(input.competencies ?? []),
      reviewSettings: JSON.stringify(input.review ?? {}),
    },
    questions: input.questions.map(rubricColumns),
  };
}

/**
 * Applies an edit's competencies, review settings and question rubrics (with the questions'
 * translations, issue 21). They stay editable after candidates have answered: the text a
 * candidate answered stays as it was; a translation serves the candidates who read it next. A question's rubric field
 * left out of the edit keeps its value. Runs after the questions were replaced (if they were), so
 * the edit's order is the stored positions.
 */
export async function saveRubricChanges(
  trx: Transaction<Database>,
  interviewId: string,
  current: Interview,
  changes: RubricChanges,
): Promise<void> {
  const byId = new Map(current.questions.map((q) => [q.id, q]));
  const edited = changes.questions?.map((edit) => {
    const before = edit.id ? byId.get(edit.id) : undefined;
    return {
      competency: edit.competency !== undefined ? edit.competency : (before?.competency ?? null),
      guidance: edit.guidance ?? before?.guidance ?? '',
      anchors: edit.anchors ?? before?.anchors ?? {},
      translations: edit.translations ?? before?.translations ?? {},
    };
  });
  if (changes.competencies || edited) {
    assertCompetenciesKnown(
      changes.competencies ?? current.competencies,
      edited ?? current.questions,
    );
  }

  const interviewFields: { competencies?: string; reviewSettings?: string } = {};
  if (changes.competencies) interviewFields.competencies = JSON.stringify(changes.competencies);
  if (changes.review) {
    interviewFields.reviewSettings = JSON.stringify({ ...current.review, ...changes.review });
  }
  if (Object.keys(interviewFields).length > 0) {
    await trx
      .updateTable('interviews')
      .set(interviewFields)
      .where('id', '=', interviewId)
      .execute();
  }
  for (const [position, rubric] of (edited ?? []).entries()) {
    await trx
      .updateTable('questions')
      .set(rubricColumns(rubric))
      .where('interviewId', '=', interviewId)
      .where('position', '=', position)
      .execute();
  }
}
