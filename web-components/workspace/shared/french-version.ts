import { msg } from '@lit/localize';
import { css, html } from 'lit';

/**
 * Issue 21 item 2: beside a text organisers write (a title, an intro, a prompt…), a closed
 * "French version" disclosure holding the same text in French. Candidates reading in French see
 * it; left empty, they see the text as written. Closed unless something is written, so the form
 * stays as short as it was at 360 px.
 */
export interface FrenchVersionField {
  /** The id of the French input (its label points at it). */
  id: string;
  /** The label of the French input, e.g. "Title in French". */
  label: string;
  value: string;
  /** The original field's bound. */
  maxlength: number;
  multiline?: boolean;
  disabled?: boolean;
  onInput(value: string): void;
}

/** One disclosure for one text, or for several that belong together (a competency, anchors). */
export function renderFrenchVersion(field: FrenchVersionField | FrenchVersionField[]) {
  const fields = Array.isArray(field) ? field : [field];
  const written = fields.some((f) => f.value.trim() !== '');
  return html`<details class="french-version" ?open=${written}>
    <summary>${msg('French version', { id: 'ws.french.summary' })}</summary>
    ${fields.map(
      (f) => html`<div class="field">
        <label for=${f.id}>${f.label}</label>
        ${control(f)}
      </div>`,
    )}
    <p class="hint">${msg('Candidates reading in French see this. Left empty, they see the text above.', { id: 'ws.french.hint' })}</p>
  </details>`;
}

function control(field: FrenchVersionField) {
  const input = (e: Event) => field.onInput((e.target as HTMLInputElement).value);
  return field.multiline
    ? html`<textarea id=${field.id} lang="fr" rows="3" maxlength=${field.maxlength}
        ?disabled=${field.disabled} .value=${field.value} @input=${input}></textarea>`
    : html`<input id=${field.id} type="text" lang="fr" maxlength=${field.maxlength}
        ?disabled=${field.disabled} .value=${field.value} @input=${input} />`;
}

export const frenchVersionStyles = css`
  details.french-version {
    margin: -0.25rem 0 0.75rem;
  }
  details.french-version > summary {
    cursor: pointer;
    /* A finger-sized target that keeps the disclosure triangle (a list item). */
    padding: 0.6rem 0;
    width: fit-content;
  }
  details.french-version[open] {
    border-left: 3px solid var(--t-border);
    padding-left: 0.75rem;
  }
  details.french-version input,
  details.french-version textarea {
    width: 100%;
  }
`;
