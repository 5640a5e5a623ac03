/**
 * The plain values of structured review (../shared/API.md, "Structured review") that both the
 * server and the web components use: scores, orders, outcomes and the default settings. No
 * imports at all, so that a browser bundle may import these values without zod or Node.
 */

export const SCORES = ['1', '2', '3', '4', '5'] as const;
export type ScoreKey = (typeof SCORES)[number];

export const REVIEW_ORDERS = ['by-candidate', 'by-question'] as const;
export type ReviewOrder = (typeof REVIEW_ORDERS)[number];

export const OUTCOMES = ['advance', 'hold', 'decline'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where reviewers meet reference answers: their own list, or seeded unmarked among live ones. */
export const CALIBRATION_MODES = ['separate', 'seeded'] as const;
export type CalibrationMode = (typeof CALIBRATION_MODES)[number];

/** A comment at least this long is the evidence `evidenceRequired` asks for. */
export const EVIDENCE_MIN_CHARS = 20;

export interface ReviewSettings {
  order: ReviewOrder;
  blind: boolean;
  hideVideoUntilRated: boolean;
  ratingsRequired: number;
  evidenceRequired: boolean;
  calibration: CalibrationMode;
}

export const REVIEW_DEFAULTS: ReviewSettings = {
  order: 'by-candidate',
  blind: true,
  hideVideoUntilRated: false,
  ratingsRequired: 2,
  evidenceRequired: false,
  calibration: 'separate',
};
