/**
 * The terms every review screen shares, besides the contract: the contract's shapes come from
 * server/contracts with `import type` (nothing of the server reaches the bundle) and its plain
 * values from server/contracts/review-rules.ts. Here: scores as numbers, an interview's review
 * settings with the defaults filled in, and the name a rater may see.
 */
import type { Interview } from '../../../server/contracts/api.js';
import type { CandidateRef } from '../../../server/contracts/review.js';
import { REVIEW_DEFAULTS, type ReviewSettings } from '../../../server/contracts/review-rules.js';

export type Score = 1 | 2 | 3 | 4 | 5;
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

/** The settings as the interview holds them; a fake API in tests may leave some out. */
export function reviewSettingsOf(interview: Pick<Interview, 'review'> | null | undefined) {
  return { ...REVIEW_DEFAULTS, ...(interview?.review ?? {}) } satisfies ReviewSettings;
}

/** The name a rater may see: the pseudonym when there is one and no name. */
export function candidateLabel(candidate: Pick<CandidateRef, 'name' | 'label'>): string {
  return candidate.name || candidate.label || '';
}
