import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { CandidateSession } from '../../../server/contracts/api.js';

/**
 * One line on the welcome screen when reviewers will not see the candidate's name. It shows
 * only when the session says so (`interview.blindReview: true`): never a promise we cannot keep.
 */
export function blindReviewNote(session: CandidateSession) {
  const interview = session.interview as { blindReview?: boolean; review?: { blind?: boolean } };
  const blind = interview.blindReview ?? interview.review?.blind;
  if (blind !== true) return nothing;
  return html`<p class="blind-note">${msg('Reviewers will not see your name: they assess your answers only.', { id: 'cand.welcome.blind' })}</p>`;
}
