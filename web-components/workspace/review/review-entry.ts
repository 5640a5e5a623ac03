import { msg } from '@lit/localize';
import type { Interview } from '../../../server/contracts/api.js';
import { href } from '../shell/routes.js';
import { reviewSettingsOf } from './review-terms.js';

/**
 * Where "Review answers" leads: the view the interview's `review.order` asks for (question by
 * question keeps one strong answer from colouring the next; the organiser chose it for a reason).
 */
export function reviewHref(interview: Pick<Interview, 'id' | 'review'>): string {
  return reviewSettingsOf(interview).order === 'by-question'
    ? href.byQuestion(interview.id)
    : href.queue({ interviewId: interview.id });
}

/** The view the settings did not choose, still one link away. */
export function otherReviewLink(interview: Pick<Interview, 'id' | 'review'>): {
  href: string;
  label: string;
} {
  return reviewSettingsOf(interview).order === 'by-question'
    ? {
        href: href.queue({ interviewId: interview.id }),
        label: msg('Review candidate by candidate', { id: 'ws.review.byCandidate' }),
      }
    : {
        href: href.byQuestion(interview.id),
        label: msg('Review by question', { id: 'ws.byq.pickTitle' }),
      };
}
