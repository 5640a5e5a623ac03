import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Interview, InterviewQuestion } from '../../../server/contracts/api.js';
import { href } from '../shell/routes.js';

/**
 * The end of a stretch of work, said beside the form that finished it (a phone shows no header
 * at that moment) with the way on. `undefined` while the way on is still being looked up.
 */

/** Question by question: on to the next question waiting for me, or back to the interview. */
export function questionDone(
  interview: Pick<Interview, 'id' | 'questions'>,
  next: InterviewQuestion | null | undefined,
): TemplateResult {
  if (next === null)
    return html`<div class="done"><p>${msg('You have rated every answer in this interview.', { id: 'ws.byq.interviewDone' })}</p>
      ${backLinks(interview.id)}</div>`;
  const number = next ? interview.questions.indexOf(next) + 1 : 0;
  return html`<div class="done"><p>${msg('You have rated every answer to this question.', { id: 'ws.byq.allDone' })}</p>
    ${next ? html`<p><a class="button primary" href=${href.byQuestion(interview.id, next.id)}>${msg(str`On to question ${number}`, { id: 'ws.byq.nextQuestion' })} →</a></p>` : nothing}</div>`;
}

/** Candidate by candidate: on to the next candidate waiting for me, or back to the interview. */
export function candidateDone(
  interviewId: string,
  othersWaiting: number | undefined,
  nextCandidate: () => void,
): TemplateResult {
  if (othersWaiting === 0)
    return html`<div class="done"><p>${msg('You have rated every candidate in this interview.', { id: 'ws.review.interviewDone' })}</p>
      ${backLinks(interviewId)}</div>`;
  return html`<div class="done"><p>${msg('You have rated every answer of this candidate.', { id: 'ws.review.allDone' })}
    ${othersWaiting ? msg(str`${othersWaiting} more candidate(s) wait for your ratings.`, { id: 'ws.review.othersWaiting' }) : nothing}</p>
    ${othersWaiting ? html`<p><button type="button" class="primary" @click=${nextCandidate}>${msg('Next candidate', { id: 'ws.review.next' })} →</button></p>` : nothing}</div>`;
}

function backLinks(interviewId: string) {
  return html`<p class="row"><a class="button primary" href=${href.interview(interviewId)}>${msg('Back to the interview', { id: 'ws.review.backToInterview' })}</a>
    <a href=${href.queue({ interviewId })}>${msg('Back to the queue', { id: 'ws.review.back' })}</a></p>`;
}

export const reviewDoneStyles = css`
  .done {
    border-left: 4px solid var(--t-success);
    padding: 0.5rem 0.75rem;
    background: var(--t-surface);
  }
  .done p {
    margin: 0.25rem 0;
  }
`;
