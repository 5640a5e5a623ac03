import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import './candidate/interview-recorder.js';
import './candidate/language-switcher.js';
import './candidate/your-data.js';
import { applyPreferredLocale } from './i18n/localization.js';
import { releasedFeedback } from './programme/candidate-feedback.js';
import './programme/candidate-feedback.js';
import type { Feedback } from './programme/programme-types.js';

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
  /** After self-erasure nothing of the candidate's stays on screen (feedback, name, answers). */
  @state() private erased = false;
  /** Released feedback: shown instead of the recorder once the interview is over. */
  @state() private feedback: Feedback | null = null;

  /**
   * After the interview the link leads to the feedback, once released. Only asked for when the
   * session says so: GET /candidate/feedback answers 404 before, an error in the console.
   * (A closed interview that was never finished has no feedback.)
   */
  private async lookForFeedback(event: Event) {
    const detail = (event as CustomEvent<{ step?: string; feedbackReleased?: boolean }>).detail;
    if (detail.step !== 'finished' || !detail.feedbackReleased) return;
    this.feedback = (await releasedFeedback(this.token).catch(() => null)) ?? this.feedback;
  }

  private forget() {
    this.erased = true;
    this.feedback = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void applyPreferredLocale();
  }

  override render() {
    // One <candidate-your-data> in every state, so that it keeps showing "erased" after erasure.
    return html`<language-switcher></language-switcher>
      ${this.main()}
      <candidate-your-data token=${this.token} @data-erased=${this.forget}></candidate-your-data>`;
  }

  private main() {
    if (this.erased) return nothing;
    if (this.feedback)
      return html`<candidate-feedback .feedback=${this.feedback}></candidate-feedback>`;
    return html`<main><interview-recorder token=${this.token} @step-change=${this.lookForFeedback}
        ></interview-recorder></main>`;
  }
}
