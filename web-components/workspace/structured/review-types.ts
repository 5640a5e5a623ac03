/**
 * The "Structured review" shapes of API.md as the workspace reads them. They are declared here
 * (not imported from server/contracts) so the screens build against the contract alone; every
 * field that an older server may not send is optional.
 */
import type { AnswerStatus, Interview, Question, Rating } from '../../../server/contracts/api.js';

export type Score = 1 | 2 | 3 | 4 | 5;
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

/** What an answer at each score looks like; any score may be left without a sentence. */
export type Anchors = Partial<Record<'1' | '2' | '3' | '4' | '5', string>>;

export interface Competency {
  key: string;
  name: string;
  description?: string;
}

export type ReviewOrder = 'by-candidate' | 'by-question';

export interface ReviewSettings {
  order: ReviewOrder;
  blind: boolean;
  hideVideoUntilRated: boolean;
  ratingsRequired: number;
  evidenceRequired: boolean;
}

export const REVIEW_DEFAULTS: ReviewSettings = {
  order: 'by-candidate',
  blind: true,
  hideVideoUntilRated: false,
  ratingsRequired: 2,
  evidenceRequired: false,
};

/** A comment needs this many characters when the interview asks for evidence. */
export const EVIDENCE_MIN_CHARS = 20;

export interface RubricQuestion extends Question {
  competency?: string | null;
  guidance?: string | null;
  anchors?: Anchors | null;
}

export interface StructuredInterview
  extends Omit<Interview, 'questions' | 'competencies' | 'review'> {
  questions: RubricQuestion[];
  competencies?: Competency[];
  review?: Partial<ReviewSettings>;
}

export function reviewSettingsOf(
  interview: StructuredInterview | null | undefined,
): ReviewSettings {
  return { ...REVIEW_DEFAULTS, ...(interview?.review ?? {}) };
}

/** A candidate as review screens see them: a pseudonym while blind, a name otherwise. */
export interface ReviewCandidate {
  id: string;
  name?: string;
  email?: string;
  label?: string;
}

/** The name a rater may see: the pseudonym when there is one and no name. */
export function candidateLabel(candidate: ReviewCandidate): string {
  return candidate.name || candidate.label || '';
}

export interface ByQuestionItem {
  answerId: string;
  invitationId: string;
  candidate: ReviewCandidate;
  status: AnswerStatus;
  durationMs: number | null;
  posterUrl: string | null;
  myScore: number | null;
}

export interface StructuredRating
  extends Omit<Rating, 'firstScore' | 'revisedAfterReveal' | 'independent'> {
  firstScore?: number | null;
  revisedAfterReveal?: boolean;
  independent?: boolean;
}

export interface StructuredAnswer {
  id: string;
  invitationId: string;
  questionId: string;
  status: AnswerStatus;
  durationMs: number | null;
  videoUrl: string | null;
  audioUrl?: string | null;
  posterUrl: string | null;
  error: string | null;
}

export type Outcome = 'advance' | 'hold' | 'decline';
export const OUTCOMES: readonly Outcome[] = ['advance', 'hold', 'decline'];

export interface Decision {
  outcome: Outcome;
  note: string | null;
  decidedBy: { id: string; name: string };
  decidedAt: string;
}

export interface Aggregate {
  mean: number | null;
  n: number;
  /** Extension some servers send: the standard deviation or range of the scores. */
  spread?: number | null;
}

export interface ResultsItem {
  invitationId: string;
  candidate: { id: string; name: string; email: string; label?: string };
  competencies: (Aggregate & { key: string })[];
  overall: Aggregate;
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
  questions: (AlphaFigure & { questionId: string })[];
  reviewers: {
    reviewer: { id: string; name: string };
    ratings: number;
    meanDeviation: number | null;
  }[];
}
