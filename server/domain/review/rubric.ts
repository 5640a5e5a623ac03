import type { InterviewQuestion } from '../../contracts/api.js';
import {
  type Anchors,
  type Competency,
  competencyIssues,
  REVIEW_DEFAULTS,
  type ReviewSettings,
  SCORES,
} from '../../contracts/review.js';
import { translationsOf, withTranslations } from '../../contracts/translations.js';
import { InputError } from '../../errors.js';

interface InterviewRow {
  competencies?: string;
  reviewSettings?: string;
}
interface QuestionRow {
  id: string;
  position: number;
  prompt: string;
  thinkSeconds: number;
  maxSeconds: number;
  retakes: number;
  competency?: string | null;
  guidance?: string;
  anchors?: string;
  translations?: string;
}

type QuestionTranslations = NonNullable<InterviewQuestion['translations']>;

/** JSON columns were written by this code, but a hand-edited row must not take a page down. */
function parseJson<T>(text: string | undefined | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function competenciesOf(row: InterviewRow): Competency[] {
  return parseJson<Competency[]>(row.competencies, []);
}

/** Stored settings with the defaults filled in (settings added later read as their default). */
export function reviewSettingsOf(row: InterviewRow): ReviewSettings {
  return { ...REVIEW_DEFAULTS, ...parseJson<Partial<ReviewSettings>>(row.reviewSettings, {}) };
}

/** Only scores that have a sentence, in score order. */
export function cleanAnchors(anchors: Anchors | undefined): Anchors {
  const clean: Anchors = {};
  for (const score of SCORES) {
    const text = anchors?.[score];
    if (text) clean[score] = text;
  }
  return clean;
}

export function interviewRubricOf(row: InterviewRow): {
  competencies: Competency[];
  review: ReviewSettings;
} {
  return {
    competencies: competenciesOf(row),
    review: reviewSettingsOf(row),
  };
}

export function questionOf(row: QuestionRow): InterviewQuestion {
  return {
    id: row.id,
    position: row.position,
    prompt: row.prompt,
    thinkSeconds: row.thinkSeconds,
    maxSeconds: row.maxSeconds,
    retakes: row.retakes,
    competency: row.competency ?? null,
    guidance: row.guidance ?? '',
    anchors: cleanAnchors(parseJson<Anchors>(row.anchors, {})),
    ...withTranslations(translationsOf<QuestionTranslations>(row.translations)),
  };
}

/** 400 when a question names a competency the interview does not have. */
export function assertCompetenciesKnown(
  competencies: { key: string }[],
  questions: { competency?: string | null }[],
): void {
  const issues = competencyIssues(competencies, questions);
  if (issues.length === 0) return;
  const errors = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new InputError(
    `Some fields are not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`,
    errors,
  );
}

/** Column values for a new question's rubric. */
export function rubricColumns(input: {
  competency?: string | null;
  guidance?: string;
  anchors?: Anchors;
  translations?: QuestionTranslations;
}): { competency: string | null; guidance: string; anchors: string; translations: string } {
  return {
    competency: input.competency ?? null,
    guidance: input.guidance ?? '',
    anchors: JSON.stringify(cleanAnchors(input.anchors)),
    translations: JSON.stringify(input.translations ?? {}),
  };
}
