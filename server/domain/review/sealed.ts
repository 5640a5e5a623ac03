import type { Role } from '../../contracts/api.js';

/** Admins and recruiters organise interviews; reviewers only rate. */
export function isOrganiser(role: Role): boolean {
  return role === 'admin' || role === 'recruiter';
}

/**
 * Sealed ratings: may this person see colleagues' ratings of an answer (and counts or means
 * made of them)? Once they have rated it themselves; organisers also once the answer holds
 * the interview's `ratingsRequired` ratings.
 */
export function canSeeOthers(
  viewer: { role: Role },
  ratedByViewer: boolean,
  ratingCount: number,
  ratingsRequired: number,
): boolean {
  return ratedByViewer || (isOrganiser(viewer.role) && ratingCount >= ratingsRequired);
}
