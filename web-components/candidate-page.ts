import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Feedback } from '../server/contracts/programmes.js';
import './candidate/interview-recorder.js';
import './candidate/language-switcher.js';
import './candidate/your-data.js';
import { applyPreferredLocale } from './i18n/localization.js';
import { releasedFeedback } from './programme/candidate-feedback.js';
import './programme/candidate-feedback.js';

/**
 * The page behind an invitation link (/i/<token>): the token comes from the path, the language
 * from ?lang= or the browser; everything else is <interview-recorder>.
 */
@customElement('candidate-page')
export class CandidatePage extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    main {
      display: block;
    }
    language-switcher {
      max-width: 60rem;
      margin: 0 auto;
      padding: 0.5rem 0.75rem 0;
    }
  `;

  @state() private token = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  /** Released feedback: shown instead of the recorder once the interview is over. */
  @state() private feedback: Feedback | null = null;

  /** After the interview (finished, or closed): the link now leads to the feedback, if any. */
  private async lookForFeedback(event: Event) {
    const detail = (event as CustomEvent<{ step?: string; code?: string }>).detail;
    if (detail.step !== 'finished' && detail.code !== 'expired') return;
    this.feedback = (await releasedFeedback(this.token).catch(() => null)) ?? this.feedback;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void applyPreferredLocale();
  }

  override render() {
    if (this.feedback)
      return html`<language-switcher></language-switcher>
        <candidate-feedback .feedback=${this.feedback}></candidate-feedback>
        <candidate-your-data token=${this.token}></candidate-your-data>`;
    return html`<language-switcher></language-switcher>
      <main><interview-recorder token=${this.token} @step-change=${this.lookForFeedback}
          @recorder-error=${this.lookForFeedback}></interview-recorder>
        <candidate-your-data token=${this.token}></candidate-your-data></main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'candidate-page': CandidatePage;
  }
}
