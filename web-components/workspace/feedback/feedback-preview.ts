import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StaffFeedback } from '../../../server/contracts/programmes.js';
import { programmeFr } from '../../i18n/locales/fr-programme.js';
import { baseStyles } from '../shared/base.styles.js';

/**
 * The candidate page's own headings (programme/candidate-feedback.ts: 'fb.title', 'fb.summary')
 * in the candidate's language, whatever the workspace's: the preview shows their page, not ours.
 */
function candidateHeadings(language: StaffFeedback['language']) {
  return language === 'fr'
    ? { title: String(programmeFr['fb.title']), summary: String(programmeFr['fb.summary']) }
    : { title: 'Your feedback', summary: 'Summary' };
}

/**
 * What the release question shows below it (issue 21): the language the feedback goes out in,
 * whether the generated draft goes out unedited, and the feedback exactly as the candidate's page
 * will show it (the same headings, in their language; empty texts left out, as there).
 */
@localized()
@customElement('ws-feedback-preview')
export class FeedbackPreview extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .note {
        margin: 0 0 0.5rem;
      }
      /* Said in words, and in bold so it is not missed: the generated draft goes out as it is. */
      .note.unedited {
        font-weight: 600;
      }
      section {
        margin: 0.75rem 0;
      }
      h3 {
        font-size: 1rem;
      }
      .page {
        border: 1px solid var(--t-border);
        border-radius: var(--t-radius-md);
        padding: 0.75rem 1rem;
        background: var(--t-surface);
        line-height: 1.5;
      }
      .page h4 {
        font-size: 1.15rem;
        margin: 0 0 0.5rem;
      }
      .page h5 {
        font-size: 1rem;
        margin: 0.75rem 0 0.25rem;
      }
      .page p {
        margin: 0;
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) feedback!: StaffFeedback;
  @property() candidateName = '';

  private languageName() {
    return this.feedback.language === 'fr'
      ? msg('French', { id: 'ws.fb.preview.french' })
      : msg('English', { id: 'ws.fb.preview.english' });
  }

  /** Whether the generated draft goes out as it is, or which competencies still do. */
  private editedNote() {
    const f = this.feedback;
    const unedited = f.competencies.filter(
      (c) => c.text.trim() !== '' && c.text.trim() === c.generatedText.trim(),
    );
    if (unedited.length === 0) return nothing;
    const written = f.competencies.filter((c) => c.text.trim() !== '');
    if (!f.summary.trim() && unedited.length === written.length) {
      return html`<p class="note unedited">${msg(
        'Not edited: the draft generated from the rubric goes out word for word.',
        { id: 'ws.fb.preview.unedited' },
      )}</p>`;
    }
    const names = unedited.map((c) => c.name).join(', ');
    return html`<p class="note unedited">${msg(
      str`Not edited, as generated from the rubric: ${names}.`,
      {
        id: 'ws.fb.preview.partly',
      },
    )}</p>`;
  }

  override render() {
    const f = this.feedback;
    const headings = candidateHeadings(f.language);
    const texts = f.competencies.filter((c) => c.text.trim());
    return html`<p class="note">${msg(
      str`Goes out in ${this.languageName()}, the language of this candidate’s invitation.`,
      { id: 'ws.fb.preview.language' },
    )}</p>
      ${this.editedNote()}
      <section aria-labelledby="preview-title">
        <h3 id="preview-title">${msg(str`What ${this.candidateName} will read`, { id: 'ws.fb.preview.title' })}</h3>
        <div class="page" lang=${f.language}>
          <h4>${headings.title}</h4>
          ${f.summary.trim() ? html`<h5>${headings.summary}</h5><p>${f.summary.trim()}</p>` : nothing}
          ${texts.map((c) => html`<h5>${c.name}</h5><p>${c.text.trim()}</p>`)}
        </div>
        ${
          !f.summary.trim() && texts.length === 0
            ? html`<p class="note">${msg('Nothing else: the summary and every text are empty.', { id: 'ws.fb.preview.empty' })}</p>`
            : nothing
        }
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-feedback-preview': FeedbackPreview;
  }
}
