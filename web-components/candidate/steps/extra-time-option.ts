import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CandidateSession } from '../../../server/contracts/api.js';
import { sharedStyles } from '../shared.styles.js';

/**
 * Asks <interview-recorder> for the accommodation; it sets `result` to the call's promise
 * (POST /candidate/accommodations) and adopts the longer times.
 */
export interface ExtraTimeRequest {
  result?: Promise<CandidateSession>;
}

declare global {
  interface HTMLElementEventMap {
    'extra-time-requested': CustomEvent<ExtraTimeRequest>;
  }
}

/** Whether the session already carries extra time (the server reports it either way). */
function hasExtraTime(session: CandidateSession): boolean {
  const s = session as CandidateSession & {
    accommodations?: { extraTime?: boolean };
    invitation: { accommodations?: { extraTime?: boolean } };
  };
  return Boolean(s.accommodations?.extraTime ?? s.invitation?.accommodations?.extraTime);
}

/**
 * On the welcome screen: more time (1.5× to think and to answer, every question) for anyone who
 * asks, with no reason asked. Offered until the first real question starts.
 */
@customElement('extra-time-option')
@localized()
export class ExtraTimeOption extends LitElement {
  static override styles = sharedStyles;

  @property({ attribute: false }) session!: CandidateSession;
  @state() private busy = false;
  @state() private problem = '';
  /** Granted in this visit (the session may not say so on an older server). */
  @state() private granted = false;

  private async request() {
    const detail: ExtraTimeRequest = {};
    this.dispatchEvent(
      new CustomEvent('extra-time-requested', { detail, bubbles: true, composed: true }),
    );
    if (!detail.result) return;
    this.busy = true;
    this.problem = '';
    try {
      await detail.result;
      this.granted = true;
    } catch (err) {
      this.problem =
        (err as { code?: string }).code === 'already_started'
          ? msg('Extra time can only be chosen before the first question starts.', {
              id: 'cand.extraTime.tooLate',
            })
          : msg('Extra time could not be turned on. Check your connection and try again.', {
              id: 'cand.extraTime.failed',
            });
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const on = this.granted || hasExtraTime(this.session);
    return html`<section aria-labelledby="extra-time-title">
      <h3 id="extra-time-title">${msg('Need more time?', { id: 'cand.extraTime.title' })}</h3>
      <p>${msg('You can have one and a half times the time to think and to answer, on every question. You do not need to give a reason, and the people assessing your answers are not told.', { id: 'cand.extraTime.explain' })}</p>
      <div role="status">${
        on
          ? html`<p class="notice"><span aria-hidden="true">✓ </span>${msg('Extra time is on: the times above include it.', { id: 'cand.extraTime.on' })}</p>`
          : ''
      }</div>
      ${this.problem ? html`<p class="notice problem" role="alert">${this.problem}</p>` : ''}
      ${on ? '' : html`<button type="button" ?disabled=${this.busy} @click=${this.request}>${msg('Give me extra time', { id: 'cand.extraTime.ask' })}</button>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'extra-time-option': ExtraTimeOption;
  }
}
