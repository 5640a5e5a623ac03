/**
 * Fairness (API.md, third release): the installation's voluntary self-identification form, a
 * candidate's answers to it, and the adverse-impact report. Shared by the server and the web
 * components; no Node imports.
 */
import { z } from 'zod';

export const SELF_ID_KEY = /^[a-z0-9-]{1,40}$/;
/** The answer that means "I prefer not to say": never an option key, never a group. */
export const DECLINED = 'declined';

const bilingual = (max: number) =>
  z.strictObject({
    en: z.string().trim().min(1, 'is required').max(max, `is longer than ${max} characters`),
    fr: z.string().trim().min(1, 'is required').max(max, `is longer than ${max} characters`),
  });

const key = z
  .string()
  .regex(SELF_ID_KEY, 'must be 1 to 40 of a-z, 0-9 and -')
  .refine((k) => k !== DECLINED, `"${DECLINED}" is kept for candidates who prefer not to say`);

function uniqueKeys(list: { key: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.key))
      ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'appears more than once' });
    seen.add(item.key);
  });
}

export const SelfIdQuestionInput = z.strictObject({
  key,
  prompt: bilingual(300),
  options: z
    .array(z.strictObject({ key, label: bilingual(120) }))
    .min(2, 'needs at least 2 options')
    .max(12, 'allows at most 12 options')
    .superRefine(uniqueKeys),
});

export const SelfIdSettingsRequest = z.strictObject({
  enabled: z.boolean({ message: 'must be true or false' }),
  questions: z
    .array(SelfIdQuestionInput)
    .max(8, 'allows at most 8 questions')
    .superRefine(uniqueKeys),
});

export type SelfIdSettings = z.output<typeof SelfIdSettingsRequest>;

/**
 * The defaults: disabled, with gender and an age band at 40 ready to enable. What may be asked
 * differs by country (in France, ethnic origin may not be collected): the admin decides.
 */
export const SELF_ID_DEFAULTS: SelfIdSettings = {
  enabled: false,
  questions: [
    {
      key: 'gender',
      prompt: { en: 'What is your gender?', fr: 'Quel est votre genre ?' },
      options: [
        { key: 'woman', label: { en: 'Woman', fr: 'Femme' } },
        { key: 'man', label: { en: 'Man', fr: 'Homme' } },
        { key: 'another', label: { en: 'Another gender', fr: 'Autre genre' } },
      ],
    },
    {
      key: 'age',
      prompt: { en: 'How old are you?', fr: 'Quel âge avez-vous ?' },
      options: [
        { key: 'under-40', label: { en: 'Under 40', fr: 'Moins de 40 ans' } },
        { key: '40-plus', label: { en: '40 or older', fr: '40 ans ou plus' } },
      ],
    },
  ],
};

export const CandidateSelfIdRequest = z.strictObject({
  answers: z.record(
    z.string().regex(SELF_ID_KEY, 'is not a question key'),
    z.string().max(40, 'is not an option'),
  ),
});

/** The form as a candidate reads it: plain strings in their language. */
export interface CandidateSelfId {
  enabled: boolean;
  questions: { key: string; prompt: string; options: { key: string; label: string }[] }[];
  answers: Record<string, string> | null;
}

export const ADVERSE_IMPACT_STAGES = ['completed', 'advanced', 'scored-above-median'] as const;
export type AdverseImpactStage = (typeof ADVERSE_IMPACT_STAGES)[number];

export const AdverseImpactQuery = z.object({
  location: z.string().trim().min(1).max(100).optional(),
});

export interface AdverseImpactGroup {
  option: string;
  n: number;
  selected: number;
  rate: number;
}

export interface AdverseImpactComparison {
  option: string;
  impactRatio: number;
  z: number;
  pTwoSided: number;
  pFisher: number;
  flagged: boolean;
}

export interface AdverseImpactCategory {
  key: string;
  groups: AdverseImpactGroup[];
  referenceOption: string | null;
  comparisons: AdverseImpactComparison[];
  suppressed: string[];
}

export interface AdverseImpactReport {
  stages: { stage: AdverseImpactStage; categories: AdverseImpactCategory[] }[];
}

/** Groups smaller than this are not reported (too few people to say anything, and too few to hide). */
export const MIN_GROUP_SIZE = 5;

/** GET /interviews/:id/calibration, per staff member who rated a reference answer. */
export interface ReviewerCalibration {
  reviewer: { id: string; name: string };
  rated: number;
  bias: number | null;
  mae: number | null;
  exact: number | null;
  adjacent: number | null;
  recentBias: number | null;
  alarm: boolean;
  /** Extension, for the chart: score − expert of the recent ratings, oldest first. */
  recent: { answerId: string; at: string; difference: number }[];
}
