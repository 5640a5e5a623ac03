/**
 * Issue 21: a take cut short (a reload, a crash, the camera gone) after a complete one of the
 * same question. Neither displaces the other until the candidate chooses: both are described,
 * with the interrupted one's playback when this device has it, and either can be kept.
 */
import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { clock, spokenDuration } from '../format.js';
import type { StepView } from './step-api.js';

/** How long the interrupted take is, in whole seconds (1-s slices), as far as anyone knows. */
function interruptedSeconds(step: StepView): number {
  const { answer } = step.flow.state;
  const here = step.takeProgress?.recorded ?? 0;
  const local = step.recorder.state === 'stopped' ? Math.round(step.recorder.elapsedMs / 1000) : 0;
  return Math.max(1, here, local, answer?.receivedChunks.length ?? 0);
}

function earlierLine(step: StepView) {
  const { earlier } = step.flow.state;
  const ms = earlier?.durationMs;
  return ms
    ? msg(str`Your earlier answer: complete, ${clock(ms)} long.`, {
        id: 'rec.choose.earlier-length',
      })
    : msg('Your earlier answer: complete.', { id: 'rec.choose.earlier' });
}

export function choiceView(step: StepView) {
  const seconds = interruptedSeconds(step);
  const video = step.playback.url
    ? html`<video class="playback" controls playsinline preload="metadata" src=${step.playback.url}
        aria-label=${msg('Your new, interrupted recording', { id: 'rec.choose.playback' })}></video>`
    : null;
  return html`<div role="group" aria-labelledby="choose-title">
    <p class="notice">${msg('Your new recording of this question was interrupted. Nothing is replaced until you choose.', { id: 'rec.choose.why' })}</p>
    <h3 id="choose-title">${msg('Which answer do you want to keep?', { id: 'rec.choose.title' })}</h3>
    <ul class="facts">
      <li>${earlierLine(step)}</li>
      <li>${msg(str`Your new recording: interrupted after about ${spokenDuration(seconds)}.`, { id: 'rec.choose.interrupted' })}</li>
    </ul>
    ${video}
    <div class="actions">
      <button class="primary" data-autofocus @click=${() => void step.keepEarlier()}>${msg('Keep my earlier answer', { id: 'rec.choose.keep-earlier' })}</button>
      <button @click=${() => void step.keepInterrupted()}>${msg('Keep the new recording', { id: 'rec.choose.keep-new' })}</button>
    </div>
    <p class="muted">${msg('Either way, the new recording used a retake. The answer you do not keep is not reviewed.', { id: 'rec.choose.cost' })}</p>
  </div>`;
}
