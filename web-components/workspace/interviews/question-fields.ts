import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { forScreenReaders } from '../shared/for-screen-readers.js';
import { renderFrenchVersion } from '../shared/french-version.js';
import { adviceForQuestion, type QuestionAdvice } from './interview-advice.js';
import { type QuestionDraft, withFrenchPrompt } from './question-draft.js';

export interface QuestionHandlers {
  change(key: number, patch: Partial<QuestionDraft>): void;
  move(key: number, by: -1 | 1): void;
  remove(key: number): void;
}

function adviceText(advice: QuestionAdvice): string {
  switch (advice) {
    case 'think-short':
      return msg('Candidates answer better with 30 to 60 seconds to think.', {
        id: 'ws.advice.thinkShort',
      });
    case 'think-long':
      return msg('More than a minute to think rarely helps; 30 to 60 seconds is usual.', {
        id: 'ws.advice.thinkLong',
      });
    case 'no-retake':
      return msg('At least one retake lowers stress and is seen as fairer.', {
        id: 'ws.advice.retake',
      });
  }
}

function numberField(
  id: string,
  label: TemplateResult,
  value: number,
  bounds: { min: number; max: number },
  onInput: (value: number) => void,
) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} type="number" inputmode="numeric" required min=${bounds.min} max=${bounds.max}
      .value=${String(value)}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).valueAsNumber)} />
  </div>`;
}

/** One question of the editor: its text, timings, and buttons to reorder or remove it. */
export function renderQuestionFields(
  question: QuestionDraft,
  index: number,
  total: number,
  handlers: QuestionHandlers,
) {
  const n = index + 1;
  const id = `q${question.key}`;
  const change = (patch: Partial<QuestionDraft>) => handlers.change(question.key, patch);
  const advice = adviceForQuestion(question);
  const which = forScreenReaders(msg(str`question ${n}`, { id: 'ws.editor.ofQuestion' }));
  return html`<li class="question card" aria-labelledby="${id}-title">
    <h3 id="${id}-title">${msg(str`Question ${n}`, { id: 'ws.editor.questionN' })}</h3>
    <div class="field">
      <label for="${id}-prompt">${msg('Question asked', { id: 'ws.editor.prompt' })}${which}</label>
      <textarea id="${id}-prompt" rows="2" required maxlength="2000" .value=${question.prompt}
        @input=${(e: Event) => change({ prompt: (e.target as HTMLTextAreaElement).value })}></textarea>
    </div>
    ${renderFrenchVersion({
      id: `${id}-prompt-fr`,
      label: msg(str`Question ${n} in French`, { id: 'ws.french.prompt' }),
      value: question.translations?.fr?.prompt ?? '',
      maxlength: 2000,
      multiline: true,
      onInput: (prompt) => change(withFrenchPrompt(question, prompt)),
    })}
    <div class="timings">
      ${numberField(`${id}-think`, html`${msg('Think time (seconds)', { id: 'ws.editor.think' })}${which}`, question.thinkSeconds, { min: 0, max: 600 }, (v) => change({ thinkSeconds: v }))}
      ${numberField(`${id}-max`, html`${msg('Answer length (seconds)', { id: 'ws.editor.max' })}${which}`, question.maxSeconds, { min: 10, max: 900 }, (v) => change({ maxSeconds: v }))}
      ${numberField(`${id}-retakes`, html`${msg('Retakes allowed', { id: 'ws.editor.retakes' })}${which}`, question.retakes, { min: 0, max: 10 }, (v) => change({ retakes: v }))}
    </div>
    ${advice.length ? html`<ul class="advice">${advice.map((a) => html`<li class="hint"><span aria-hidden="true">ⓘ </span>${adviceText(a)}</li>`)}</ul>` : nothing}
    <div class="row">
      <button type="button" id="${id}-up" ?disabled=${index === 0} @click=${() => handlers.move(question.key, -1)}
        aria-label=${msg(str`Move question ${n} up`, { id: 'ws.editor.upLabel' })}>↑ ${msg('Up', { id: 'ws.editor.up' })}</button>
      <button type="button" id="${id}-down" ?disabled=${index === total - 1} @click=${() => handlers.move(question.key, 1)}
        aria-label=${msg(str`Move question ${n} down`, { id: 'ws.editor.downLabel' })}>↓ ${msg('Down', { id: 'ws.editor.down' })}</button>
      <button type="button" ?disabled=${total === 1} @click=${() => handlers.remove(question.key)}
        aria-label=${msg(str`Remove question ${n}`, { id: 'ws.editor.removeLabel' })}>${msg('Remove', { id: 'ws.editor.remove' })}</button>
    </div>
  </li>`;
}
