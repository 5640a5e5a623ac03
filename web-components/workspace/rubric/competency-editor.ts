import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LibraryCompetency } from '../../../server/contracts/competency-library.js';
import type { Competency } from '../../../server/contracts/review.js';
import { renderFrenchVersion } from '../shared/french-version.js';
import { competencyKey } from './structure-draft.js';

export interface CompetencyHandlers {
  change(competencies: Competency[]): void;
}

export const MAX_COMPETENCIES = 12;

/** The competency's French texts with `texts` changed (issue 21). */
function inFrench(
  competency: Competency,
  texts: { name?: string; description?: string },
): Partial<Competency> {
  const translations = competency.translations ?? {};
  return { translations: { ...translations, fr: { ...translations.fr, ...texts } } };
}

/** The interview's competencies: name and description each, added blank or from the library. */
export function renderCompetencies(
  competencies: Competency[],
  library: readonly LibraryCompetency[],
  handlers: CompetencyHandlers,
) {
  const keys = competencies.map((c) => c.key);
  const offered = library.filter((entry) => !keys.includes(entry.key));
  const update = (key: string, patch: Partial<Competency>) =>
    handlers.change(competencies.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const full = competencies.length >= MAX_COMPETENCIES;
  return html`<fieldset class="competencies">
    <legend>${msg('Competencies', { id: 'ws.comp.legend' })}</legend>
    <p class="hint">${msg('What the interview assesses. Link each question to one, so results can be read per competency.', { id: 'ws.comp.hint' })}</p>
    <ol class="plain">
      ${repeat(
        competencies,
        (c) => c.key,
        (c, i) => html`<li class="competency">
          <div class="field">
            <label for="c-${c.key}-name">${msg(str`Competency ${i + 1}: name`, { id: 'ws.comp.name' })}</label>
            <input id="c-${c.key}-name" type="text" required maxlength="200" .value=${c.name}
              @input=${(e: Event) => update(c.key, { name: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label for="c-${c.key}-description">${msg('Description (optional)', { id: 'ws.comp.description' })}</label>
            <textarea id="c-${c.key}-description" rows="2" maxlength="2000" .value=${c.description ?? ''}
              @input=${(e: Event) => update(c.key, { description: (e.target as HTMLTextAreaElement).value })}></textarea>
          </div>
          ${renderFrenchVersion([
            {
              id: `c-${c.key}-name-fr`,
              label: msg(str`Competency ${i + 1}: name in French`, { id: 'ws.french.competency' }),
              value: c.translations?.fr?.name ?? '',
              maxlength: 200,
              onInput: (name) => update(c.key, inFrench(c, { name })),
            },
            {
              id: `c-${c.key}-description-fr`,
              label: msg('Description in French', { id: 'ws.french.description' }),
              value: c.translations?.fr?.description ?? '',
              maxlength: 2000,
              multiline: true,
              onInput: (description) => update(c.key, inFrench(c, { description })),
            },
          ])}
          <button type="button" @click=${() => handlers.change(competencies.filter((k) => k.key !== c.key))}>
            ${msg('Remove', { id: 'ws.comp.remove' })}<span class="visually-hidden"> ${c.name}</span>
          </button>
        </li>`,
      )}
    </ol>
    <div class="row">
      <button type="button" ?disabled=${full} @click=${() => {
        const name = msg('New competency', { id: 'ws.comp.newName' });
        handlers.change([
          ...competencies,
          { key: competencyKey(name, keys), name, description: '' },
        ]);
      }}>+ ${msg('Add a competency', { id: 'ws.comp.add' })}</button>
      ${
        offered.length && !full
          ? html`<label for="library">${msg('Or start from the library:', { id: 'ws.comp.library' })}</label>
        <select id="library" @change=${(e: Event) => {
          const select = e.target as HTMLSelectElement;
          const entry = offered.find((o) => o.key === select.value);
          select.value = '';
          if (!entry) return;
          const { anchors: _a, guidance: _g, ...competency } = entry;
          handlers.change([...competencies, competency]);
        }}>
          <option value="">${msg('Choose a competency…', { id: 'ws.comp.choose' })}</option>
          ${offered.map((o) => html`<option value=${o.key}>${o.name}</option>`)}
        </select>`
          : nothing
      }
    </div>
  </fieldset>`;
}
