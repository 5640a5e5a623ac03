import type { InterviewQuestion } from '../../contracts/api.js';
import type { Anchors, Competency } from '../../contracts/review.js';
import {
  anchorsIn,
  type TextLanguage,
  type Translations,
  textIn,
  translationsOf,
} from '../../contracts/translations.js';
import type { Db } from '../../db/database.js';
import type { RubricCompetency, RubricQuestion } from './prefill.js';

type QuestionTranslations = NonNullable<InterviewQuestion['translations']>;

function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || value === '') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/**
 * The interview's competencies and anchored questions (structured review: interviews.competencies,
 * questions.competency and questions.anchors, JSON). Read through selectAll so that an
 * interview without a rubric (or a database before that migration) simply has none. Names and
 * anchors are in `language` where the organisers wrote them so (issue 21), else as written:
 * the feedback is the candidate's to read.
 */
export async function rubricOf(
  db: Db,
  interviewId: string,
  language: TextLanguage = 'en',
): Promise<{ competencies: RubricCompetency[]; questions: RubricQuestion[] }> {
  const interview = (await db
    .selectFrom('interviews')
    .selectAll()
    .where('id', '=', interviewId)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  const questions = (await db
    .selectFrom('questions')
    .selectAll()
    .where('interviewId', '=', interviewId)
    .orderBy('position')
    .execute()) as Record<string, unknown>[];
  const competencies = parseJson<Competency[]>(interview?.competencies, []);
  return {
    competencies: competencies.map((c) => ({ key: c.key, name: textIn(c, language, 'name') })),
    questions: questions.map((q) => {
      const translations = translationsOf<QuestionTranslations>(q.translations as string);
      return {
        id: q.id as string,
        competency: (q.competency as string | null | undefined) ?? null,
        anchors: anchorsIn(
          parseJson<Anchors>(q.anchors, {}),
          anchorTranslations(translations),
          language,
        ),
      };
    }),
  };
}

/** The anchors of each language, as `anchorsIn` takes them. */
function anchorTranslations(translations: QuestionTranslations): Translations<Anchors> {
  return { en: translations.en?.anchors, fr: translations.fr?.anchors };
}

/** Every score of the latest submitted take of each question of an invitation, by question. */
export async function scoresOfLatestTakes(
  db: Db,
  invitationId: string,
): Promise<Map<string, number[]>> {
  const takes = await db
    .selectFrom('answers')
    .select(['id', 'questionId', 'attempt'])
    .where('invitationId', '=', invitationId)
    .where('status', 'in', ['processing', 'ready'])
    .execute();
  const latest = new Map<string, { id: string; attempt: number }>();
  for (const t of takes) {
    const seen = latest.get(t.questionId);
    if (!seen || t.attempt > seen.attempt) latest.set(t.questionId, t);
  }
  const byAnswer = new Map([...latest].map(([questionId, t]) => [t.id, questionId]));
  const scores = new Map<string, number[]>();
  if (byAnswer.size === 0) return scores;
  const ratings = await db
    .selectFrom('ratings')
    .select(['answerId', 'score'])
    .where('answerId', 'in', [...byAnswer.keys()])
    .execute();
  for (const r of ratings) {
    const questionId = byAnswer.get(r.answerId)!;
    scores.set(questionId, [...(scores.get(questionId) ?? []), r.score]);
  }
  return scores;
}
