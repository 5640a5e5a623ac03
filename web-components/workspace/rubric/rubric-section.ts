import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  competencyLibrary,
  type LibraryCompetency,
} from '../../../server/contracts/competency-library.js';
import { getLocale } from '../../i18n/localization.js';
import type { QuestionDraft } from '../interviews/question-draft.js';
import { baseStyles } from '../shared/base.styles.js';
import { frenchVersionStyles } from '../shared/french-version.js';
import { renderCompetencies } from './competency-editor.js';
import { renderQuestionRubric } from './question-rubric.js';
import { renderReviewSettings } from './review-settings.js';
import { hasAnchors, type RubricDraft, rubricOf, type StructureDraft } from './structure-draft.js';

/**
 * The interview editor's structured-review part: competencies, each question's rubric, and how
 * reviewers work. All of it stays editable after candidates have answered (they never see it).
 */
@localized()
@customElement('ws-rubric-section')
export class RubricSection extends LitElement {
  static override styles = [
    baseStyles,
    frenchVersionStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        margin: 1rem 0;
      }
      .competency,
      .rubric {
        border-top: 1px solid var(--t-border);
        padding-top: 0.75rem;
        margin-top: 0.75rem;
      }
      .rubrics {
        list-style: none;
        padding: 0;
      }
      h3 {
        font-size: 1rem;
      }
      .prompt {
        font-weight: 400;
      }
      .warn {
        border-left: 4px solid var(--t-warning);
        padding: 0.3rem 0.6rem;
        background: var(--t-surface);
      }
      .anchor-field {
        display: grid;
        grid-template-columns: 2rem minmax(0, 1fr);
        gap: 0.5rem;
        align-items: start;
        margin-bottom: 0.4rem;
      }
      .anchor-field label {
        font-weight: 700;
        padding-top: 0.4rem;
      }
      .check {
        display: grid;
        grid-template-columns: 1.5rem minmax(0, 1fr);
        gap: 0 0.5rem;
        align-items: start;
        margin: 0.5rem 0;
      }
      .check input {
        width: 1.25rem;
        height: 1.25rem;
        margin-top: 0.2rem;
      }
      .check .hint {
        grid-column: 2;
        margin: 0;
      }
      textarea,
      select {
        max-width: 100%;
      }
      textarea {
        width: 100%;
      }
    `,
  ];

  @property({ attribute: false }) questions: QuestionDraft[] = [];
  @property({ attribute: false }) structure!: StructureDraft;
  /** Where to start from; by default the built-in library in the interface language. */
  @property({ attribute: false }) library: readonly LibraryCompetency[] | null = null;

  private get offered(): readonly LibraryCompetency[] {
    return this.library ?? competencyLibrary(getLocale());
  }
  @property({ attribute: false }) onChange: (structure: StructureDraft) => void = () => {};

  private update_(patch: Partial<StructureDraft>) {
    this.onChange({ ...this.structure, ...patch });
  }

  private changeRubric(key: number, patch: Partial<RubricDraft>) {
    const current = rubricOf(this.structure, key);
    let next = { ...current, ...patch };
    // Linking a library competency to a blank question starts it from the example rubric.
    const example = this.offered.find((l) => l.key === patch.competency);
    if (example && !hasAnchors(current) && !current.guidance.trim())
      next = { ...next, anchors: { ...(example.anchors ?? {}) }, guidance: example.guidance ?? '' };
    this.update_({ rubrics: { ...this.structure.rubrics, [key]: next } });
  }

  override render() {
    const { competencies, review } = this.structure;
    return html`<h2>${msg('Structured review', { id: 'ws.rubric.title' })}</h2>
      ${renderCompetencies(competencies, this.offered, {
        change: (list) => this.update_({ competencies: list }),
      })}
      <fieldset>
        <legend>${msg('Rubric for each question', { id: 'ws.rubric.legend' })}</legend>
        <ol class="rubrics">
          ${repeat(
            this.questions,
            (q) => q.key,
            (q, i) =>
              renderQuestionRubric(
                q,
                i + 1,
                rubricOf(this.structure, q.key),
                competencies,
                (patch) => this.changeRubric(q.key, patch),
              ),
          )}
        </ol>
      </fieldset>
      ${renderReviewSettings(review, (patch) => this.update_({ review: { ...review, ...patch } }))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-rubric-section': RubricSection;
  }
}
