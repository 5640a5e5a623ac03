import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Feedback } from '../../server/contracts/programmes.js';
import { formattingLocale } from '../i18n/formatting-locale.js';

/** The released feedback for the invitation behind `token`; null before release (404). */
export async function releasedFeedback(token: string, apiBase = ''): Promise<Feedback | null> {
  const res = await fetch(`${apiBase}/api/v1/candidate/feedback`, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (!res.ok) return null;
  return (await res.json()) as Feedback;
}

/**
 * What a candidate reads after the interview: the summary and a paragraph per competency.
 * Printable: the print stylesheet drops the controls and prints black on white.
 */
@localized()
@customElement('candidate-feedback')
export class CandidateFeedback extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 42rem;
      margin: 0 auto;
      padding: 1rem;
      line-height: 1.6;
    }
    h1,
    h2 {
      font-family: var(--t-font-serif);
      font-weight: 600;
    }
    h1 {
      font-size: var(--t-size-xl);
      line-height: var(--t-leading-xl);
      margin: 0.5rem 0 0.75rem;
    }
    h1:focus {
      outline: none;
    }
    h2 {
      font-size: var(--t-size-lg);
      margin: 1.5rem 0 0.25rem;
    }
    p {
      margin: 0 0 0.75rem;
      white-space: pre-line;
    }
    .muted {
      color: var(--t-muted);
    }
    button {
      font: inherit;
      font-weight: 600;
      min-height: 48px;
      padding: 0.625rem 1.25rem;
      border-radius: var(--t-radius-md);
      border: 2px solid var(--t-primary);
      background: transparent;
      color: var(--t-ink);
      cursor: pointer;
    }
    button:focus-visible {
      outline: var(--t-focus-width) solid var(--t-focus);
      outline-offset: var(--t-focus-offset);
    }
    @media print {
      :host {
        max-width: none;
        padding: 0;
        color: #000;
        background: #fff;
        font-size: 11pt;
      }
      .no-print {
        display: none;
      }
      .muted {
        color: #000;
      }
      h2 {
        break-after: avoid;
      }
      section {
        break-inside: avoid;
      }
    }
  `;

  @property({ attribute: false }) feedback!: Feedback;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = msg('Your feedback', { id: 'fb.pageTitle' });
  }

  override render() {
    const f = this.feedback;
    const released = f.releasedAt
      ? new Intl.DateTimeFormat(formattingLocale(document.documentElement.lang || undefined), {
          dateStyle: 'long',
        }).format(new Date(f.releasedAt))
      : '';
    return html`<main>
      <h1 tabindex="-1">${msg('Your feedback', { id: 'fb.title' })}</h1>
      ${released ? html`<p class="muted">${msg(str`Written for you after your interview, ${released}.`, { id: 'fb.released' })}</p>` : nothing}
      ${f.summary ? html`<section><h2>${msg('Summary', { id: 'fb.summary' })}</h2><p>${f.summary}</p></section>` : nothing}
      ${f.competencies
        .filter((c) => c.text.trim())
        .map((c) => html`<section><h2>${c.name}</h2><p>${c.text}</p></section>`)}
      <p class="no-print"><button type="button" @click=${() => window.print()}>${msg('Print or save as PDF', { id: 'fb.print' })}</button></p>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'candidate-feedback': CandidateFeedback;
  }
}
