import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Competency } from '../../../server/contracts/review.js';
import type { QuestionDraft } from '../interviews/question-draft.js';
import { SCORES } from '../review/review-terms.js';
import { forScreenReaders } from '../shared/for-screen-readers.js';
import { renderFrenchVersion } from '../shared/french-version.js';
import { hasAnchors, type RubricDraft } from './structure-draft.js';

/** One question's rubric: the competency it measures, what to look for, an anchor per score. */
export function renderQuestionRubric(
  question: QuestionDraft,
  number: number,
  rubric: RubricDraft,
  competencies: Competency[],
  change: (patch: Partial<RubricDraft>) => void,
) {
  const id = (part: string) => `r${question.key}-${part}`;
  const which = forScreenReaders(msg(str`question ${number}`, { id: 'ws.editor.ofQuestion' }));
  return html`<li class="rubric">
    <h3 id=${id('title')}>${msg(str`Question ${number}`, { id: 'ws.rubric.question' })}: <span class="prompt">${question.prompt || '…'}</span></h3>
    ${
      hasAnchors(rubric)
        ? nothing
        : html`<p class="warn" role="note"><span aria-hidden="true">⚠ </span>${msg('No anchors yet: without them reviewers read the scores differently. You can still save.', { id: 'ws.rubric.noAnchors' })}</p>`
    }
    <div class="field">
      <label for=${id('competency')}>${msg('Competency measured', { id: 'ws.rubric.competency' })}${which}</label>
      <select id=${id('competency')} @change=${(e: Event) => change({ competency: (e.target as HTMLSelectElement).value || null })}>
        <option value="" ?selected=${!rubric.competency}>${msg('None', { id: 'ws.rubric.noCompetency' })}</option>
        ${competencies.map((c) => html`<option value=${c.key} ?selected=${c.key === rubric.competency}>${c.name || c.key}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for=${id('guidance')}>${msg('What to look for', { id: 'ws.byq.guidance' })}${which}</label>
      <textarea id=${id('guidance')} rows="2" maxlength="2000" .value=${rubric.guidance}
        @input=${(e: Event) => change({ guidance: (e.target as HTMLTextAreaElement).value })}></textarea>
    </div>
    <fieldset class="anchors">
      <legend>${msg('Anchors: what an answer at each score looks like', { id: 'ws.rubric.anchors' })}</legend>
      ${SCORES.map(
        (n) => html`<div class="anchor-field">
          <label for=${id(`a${n}`)}><span class="visually-hidden">${msg('Score', { id: 'ws.rubric.score' })} </span>${n}${which}</label>
          <textarea id=${id(`a${n}`)} rows="2" maxlength="1000" .value=${rubric.anchors[`${n}`] ?? ''}
            @input=${(e: Event) => change({ anchors: { ...rubric.anchors, [`${n}`]: (e.target as HTMLTextAreaElement).value } })}></textarea>
        </div>`,
      )}
      ${renderFrenchVersion(
        SCORES.map((n) => ({
          id: id(`a${n}-fr`),
          label: msg(str`Score ${n} in French`, { id: 'ws.french.anchor' }),
          value: rubric.anchorsFr?.[`${n}`] ?? '',
          maxlength: 1000,
          multiline: true,
          onInput: (text: string) => change({ anchorsFr: { ...rubric.anchorsFr, [`${n}`]: text } }),
        })),
      )}
    </fieldset>
  </li>`;
}
