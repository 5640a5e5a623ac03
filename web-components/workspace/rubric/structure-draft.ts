import type { Interview } from '../../../server/contracts/api.js';
import type { Anchors, Competency } from '../../../server/contracts/review.js';
import { REVIEW_DEFAULTS, type ReviewSettings } from '../../../server/contracts/review-rules.js';
import type { QuestionDraft } from '../interviews/question-draft.js';
import { SCORES } from '../review/review-terms.js';

/** A question's rubric as the editor holds it. */
export interface RubricDraft {
  competency: string | null;
  guidance: string;
  anchors: Anchors;
  /** Issue 21: the anchors in French. */
  anchorsFr: Anchors;
}

/** Competencies, review settings and each question's rubric (by the editor's question key). */
export interface StructureDraft {
  competencies: Competency[];
  review: ReviewSettings;
  rubrics: Record<number, RubricDraft>;
}

export function emptyRubric(): RubricDraft {
  return { competency: null, guidance: '', anchors: {}, anchorsFr: {} };
}

export function emptyStructure(): StructureDraft {
  return { competencies: [], review: { ...REVIEW_DEFAULTS }, rubrics: {} };
}

/** The saved interview's structure; `questions` are its questions' drafts, in the same order. */
export function structureOf(interview: Interview, questions: QuestionDraft[]): StructureDraft {
  const rubrics: Record<number, RubricDraft> = {};
  interview.questions.forEach((q, i) => {
    const key = questions[i]?.key;
    if (key === undefined) return;
    rubrics[key] = {
      competency: q.competency ?? null,
      guidance: q.guidance ?? '',
      anchors: { ...(q.anchors ?? {}) },
      anchorsFr: { ...(q.translations?.fr?.anchors ?? {}) },
    };
  });
  return {
    competencies: (interview.competencies ?? []).map((c) => ({ ...c })),
    review: { ...REVIEW_DEFAULTS, ...(interview.review ?? {}) },
    rubrics,
  };
}

export function rubricOf(structure: StructureDraft, key: number): RubricDraft {
  return structure.rubrics[key] ?? emptyRubric();
}

/**
 * What the API receives for one question: empty anchors are left out. The French anchors join
 * the question's other translations (its French prompt).
 */
export function rubricInput(structure: StructureDraft, question: QuestionDraft) {
  const rubric = rubricOf(structure, question.key);
  const known = structure.competencies.some((c) => c.key === rubric.competency);
  const translations = question.translations ?? {};
  return {
    competency: known ? rubric.competency : null,
    guidance: rubric.guidance.trim(),
    anchors: writtenAnchors(rubric.anchors),
    translations: {
      ...translations,
      fr: { ...translations.fr, anchors: writtenAnchors(rubric.anchorsFr ?? {}) },
    },
  };
}

function writtenAnchors(given: Anchors): Anchors {
  const anchors: Anchors = {};
  for (const n of SCORES) {
    const text = given[`${n}`]?.trim();
    if (text) anchors[`${n}`] = text;
  }
  return anchors;
}

export function hasAnchors(rubric: RubricDraft): boolean {
  return SCORES.some((n) => rubric.anchors[`${n}`]?.trim());
}

/** A key from a name: "Client focus" → "client-focus", unique among `taken`. */
export function competencyKey(name: string, taken: string[]): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34) || 'competency';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}
