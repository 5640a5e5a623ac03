/**
 * Structured review (../shared/API.md, "Structured review"): competencies, anchored rubrics,
 * review settings, decisions, results and reliability. Request schemas and response shapes
 * shared by the server and the web components. No Node imports; the web components import its
 * types only (zod stays out of their bundle) and the plain values from review-rules.ts.
 */
import { z } from 'zod';

import {
  CALIBRATION_MODES,
  OUTCOMES,
  type Outcome,
  REVIEW_ORDERS,
  type ScoreKey,
} from './review-rules.js';
import { safeText } from './safe-text.js';
import { type Translations, translationsInput } from './translations.js';

export {
  CALIBRATION_MODES,
  type CalibrationMode,
  EVIDENCE_MIN_CHARS,
  OUTCOMES,
  type Outcome,
  REVIEW_DEFAULTS,
  REVIEW_ORDERS,
  type ReviewOrder,
  type ReviewSettings,
  SCORES,
  type ScoreKey,
} from './review-rules.js';

const optionalText = (max: number) =>
  z.string().trim().max(max, `is longer than ${max} characters`);

export const COMPETENCY_KEY = /^[a-z0-9-]{1,40}$/;

export const CompetencyInput = z.strictObject({
  key: z.string().regex(COMPETENCY_KEY, 'must be 1 to 40 of a-z, 0-9 and -'),
  name: z.string().trim().min(1, 'is required').max(200, 'is longer than 200 characters'),
  description: optionalText(2000).optional().default(''),
  /** Issue 21: the name and description in English and/or French (API.md "Translations"). */
  translations: translationsInput({
    name: safeText({ max: 200 }),
    description: safeText({ max: 2000 }),
  }).optional(),
});

export const CompetenciesInput = z
  .array(CompetencyInput)
  .max(12, 'allows at most 12 competencies')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, index) => {
      if (seen.has(c.key)) {
        ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'appears more than once' });
      }
      seen.add(c.key);
    });
  });

/** What an answer at each score looks like; any subset of 1–5. */
export const AnchorsInput = z.strictObject({
  '1': optionalText(1000).optional(),
  '2': optionalText(1000).optional(),
  '3': optionalText(1000).optional(),
  '4': optionalText(1000).optional(),
  '5': optionalText(1000).optional(),
});

/**
 * The rubric fields of a question, spread into QuestionInput. Left out of an edit they keep
 * their value; `competency: null` unlinks the question.
 */
export const questionRubricShape = {
  competency: z.string().regex(COMPETENCY_KEY, 'must be a competency key').nullable().optional(),
  guidance: optionalText(2000).optional(),
  anchors: AnchorsInput.optional(),
  /**
   * Issue 21: the prompt and anchors in English and/or French. Like the rubric, left out of an
   * edit they keep their value, and they stay editable after candidates have answered (a
   * translation may be added for the next candidates; the text as written stays locked).
   */
  translations: translationsInput({
    prompt: safeText({ max: 2000 }),
    anchors: AnchorsInput,
  }).optional(),
};

export const ReviewSettingsInput = z.strictObject({
  order: z
    .enum(REVIEW_ORDERS, { message: `must be one of ${REVIEW_ORDERS.join(', ')}` })
    .optional(),
  blind: z.boolean({ message: 'must be true or false' }).optional(),
  hideVideoUntilRated: z.boolean({ message: 'must be true or false' }).optional(),
  ratingsRequired: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10, 'must be at most 10')
    .optional(),
  evidenceRequired: z.boolean({ message: 'must be true or false' }).optional(),
  calibration: z
    .enum(CALIBRATION_MODES, { message: `must be one of ${CALIBRATION_MODES.join(', ')}` })
    .optional(),
});

/** The fields POST and PATCH /interviews accept for structured review, spread into their shape. */
export const interviewRubricShape = {
  competencies: CompetenciesInput.optional(),
  review: ReviewSettingsInput.optional(),
};

/**
 * Every question's competency must be one of the interview's. Used by create (both always
 * known); an edit that sends only one of them is checked against the stored other.
 */
export function competencyIssues(
  competencies: { key: string }[],
  questions: { competency?: string | null }[],
): { path: (string | number)[]; message: string }[] {
  const keys = new Set(competencies.map((c) => c.key));
  return questions.flatMap((q, index) =>
    q.competency && !keys.has(q.competency)
      ? [{ path: ['questions', index, 'competency'], message: 'is not one of the competencies' }]
      : [],
  );
}

export const DecisionRequest = z.strictObject({
  outcome: z.enum(OUTCOMES, { message: `must be one of ${OUTCOMES.join(', ')}` }),
  note: optionalText(5000).optional().default(''),
});

export interface Competency {
  key: string;
  name: string;
  description: string;
  /** Issue 21: present when a translation was written. */
  translations?: Translations<{ name: string; description: string }>;
}

export type Anchors = Partial<Record<ScoreKey, string>>;

/** The rubric fields every Question echoes. */
export interface QuestionRubric {
  competency: string | null;
  guidance: string;
  anchors: Anchors;
  /** Issue 21: the prompt and anchors in other languages; present when one was written. */
  translations?: Translations<{ prompt: string; anchors: Anchors }>;
}

/**
 * A candidate as review endpoints show them: always `id` and `label` (a stable pseudonym);
 * `name` and `email` only where the interview is not blind (and always for organisers in
 * invitations and results).
 */
export interface CandidateRef {
  id: string;
  label: string;
  name?: string;
  email?: string;
}

export interface Decision {
  outcome: Outcome;
  note: string;
  decidedBy: { id: string; name: string };
  decidedAt: string;
}

export interface ByQuestionItem {
  answerId: string;
  invitationId: string;
  candidate: CandidateRef;
  status: 'processing' | 'ready' | 'failed';
  durationMs: number | null;
  posterUrl: string | null;
  myScore: number | null;
}

export interface ScoreSummary {
  mean: number | null;
  n: number;
  /** Extension: population standard deviation of those ratings (null without any). */
  spread: number | null;
}

export interface ResultItem {
  invitationId: string;
  candidate: { id: string; name: string; email: string; label: string };
  /** Extension: the invitation status, so that the results page can filter. */
  status: string;
  /** Issue 21: the city of a multi-city programme, or null. */
  location: { key: string; name: string } | null;
  competencies: ({ key: string } & ScoreSummary)[];
  overall: ScoreSummary;
  ratingsComplete: boolean;
  decision: Decision | null;
}

export interface AlphaFigure {
  alpha: number | null;
  units: number;
  ratings: number;
}

export interface Reliability {
  overall: AlphaFigure;
  questions: ({ questionId: string } & AlphaFigure)[];
  reviewers: { reviewer: { id: string; name: string }; ratings: number; meanDeviation: number }[];
}

/** Issue 21: how many invitations one bulk request may name. */
export const BULK_MAX = 500;

const invitationIds = z
  .array(z.string().trim().min(1, 'is required').max(100))
  .min(1, 'needs at least one invitation')
  .max(BULK_MAX, `allows at most ${BULK_MAX} invitations per call`);

/** PUT /invitations/decisions: one decision for many candidates (API.md "Cities after applying"). */
export const BulkDecisionRequest = DecisionRequest.extend({ invitationIds });

/** POST /invitations/feedback/release: releases the saved feedback of many candidates. */
export const BulkReleaseRequest = z.strictObject({ invitationIds });

/** One invitation's outcome in a bulk answer: 200, or the status and code of its problem. */
export interface BulkItem {
  invitationId: string;
  status: number;
  code?: string;
  /** Extension: the problem's sentence, for people. */
  detail?: string;
}
