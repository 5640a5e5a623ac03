import { msg } from '@lit/localize';
import { html } from 'lit';
import type { ReviewSettings } from '../../../server/contracts/review-rules.js';

/** How reviewers work: order, blind, audio first, how many ratings, evidence. */
export function renderReviewSettings(
  review: ReviewSettings,
  change: (patch: Partial<ReviewSettings>) => void,
) {
  const checkbox = (
    id: string,
    key: 'blind' | 'hideVideoUntilRated' | 'evidenceRequired',
    label: string,
    hint: string,
  ) => html`<div class="check">
    <input type="checkbox" id=${id} .checked=${review[key]} aria-describedby="${id}-hint"
      @change=${(e: Event) => change({ [key]: (e.target as HTMLInputElement).checked })} />
    <label for=${id}>${label}</label>
    <p class="hint" id="${id}-hint">${hint}</p>
  </div>`;
  return html`<fieldset class="settings">
    <legend>${msg('How reviewers work', { id: 'ws.settings.legend' })}</legend>
    <fieldset class="order">
      <legend>${msg('Order', { id: 'ws.settings.order' })}</legend>
      <div class="check">
        <input type="radio" name="order" id="order-question" .checked=${review.order === 'by-question'}
          @change=${() => change({ order: 'by-question' })} />
        <label for="order-question">${msg('Question by question (recommended): every candidate’s answer to one question, then the next', { id: 'ws.settings.byQuestion' })}</label>
      </div>
      <div class="check">
        <input type="radio" name="order" id="order-candidate" .checked=${review.order === 'by-candidate'}
          @change=${() => change({ order: 'by-candidate' })} />
        <label for="order-candidate">${msg('Candidate by candidate', { id: 'ws.settings.byCandidate' })}</label>
      </div>
    </fieldset>
    ${checkbox('blind', 'blind', msg('Blind review', { id: 'ws.settings.blind' }), msg('Reviewers see “Candidate 7”, never a name or email. Candidates are told so.', { id: 'ws.settings.blindHint' }))}
    ${checkbox('audio-first', 'hideVideoUntilRated', msg('Audio first', { id: 'ws.settings.audioFirst' }), msg('Reviewers hear an answer and rate it before they can see the video.', { id: 'ws.settings.audioFirstHint' }))}
    ${checkbox('evidence', 'evidenceRequired', msg('Evidence required', { id: 'ws.settings.evidence' }), msg('A score needs a comment of 20 characters or more saying what was heard.', { id: 'ws.settings.evidenceHint' }))}
    <div class="field">
      <label for="ratings-required">${msg('Ratings needed per answer', { id: 'ws.settings.required' })}</label>
      <input id="ratings-required" type="number" min="1" max="10" step="1" inputmode="numeric"
        aria-describedby="ratings-required-hint" .value=${String(review.ratingsRequired)}
        @change=${(e: Event) => {
          const value = Math.round(Number((e.target as HTMLInputElement).value));
          change({ ratingsRequired: Math.min(10, Math.max(1, value || 1)) });
        }} />
      <p class="hint" id="ratings-required-hint">${msg('Organisers see the scores of an answer once it has this many ratings; reviewers see colleagues’ scores only after giving their own.', { id: 'ws.settings.requiredHint' })}</p>
    </div>
  </fieldset>`;
}
