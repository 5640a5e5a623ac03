import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import './candidate/interview-recorder.js';
import './candidate/language-switcher.js';
import './candidate/your-data.js';
import { applyPreferredLocale } from './i18n/localization.js';

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

  override connectedCallback(): void {
    super.connectedCallback();
    void applyPreferredLocale();
  }

  override render() {
    return html`<language-switcher></language-switcher>
      <main><interview-recorder token=${this.token}></interview-recorder>
        <candidate-your-data token=${this.token}></candidate-your-data></main>`;
  }
}
