/**
 * What <question-step> shows in each phase. Kept apart from the step's behaviour so each file
 * stays short; these read the step's state and call its actions, nothing more.
 */
import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { clock, percent, spokenDuration } from '../format.js';
import { answerTime, retakesLeft, thinkTime } from '../messages.js';
import './confirm-retake.js';
import type { StepView } from './step-api.js';
import { choiceView } from './take-choice-view.js';

function prompt(step: StepView, focus: boolean) {
  return html`<p class="prompt" tabindex="-1" ?data-autofocus=${focus}><span class="visually-hidden"
      >${msg('Question:', { id: 'rec.prompt.label' })} </span
    ><span class="text">${step.question.prompt}</span></p>`;
}

/** Issue 9: the take was left during its thinking time, which kept running meanwhile. */
function resumedNotice(step: StepView) {
  return step.flow.state.resumedNote
    ? html`<p class="notice resumed">${step.flow.state.resumedNote}</p>`
    : null;
}

/** Before the prompt is shown: the limits, and the button that reveals it. */
export function introView(step: StepView) {
  const q = step.question;
  return html`
    <ul class="facts">
      <li>${thinkTime(q.thinkSeconds)}</li>
      <li>${answerTime(q.maxSeconds)}</li>
      ${step.practice ? null : html`<li>${retakesLeft(step.retakesRemaining - 1)}</li>`}
    </ul>
    ${
      step.failedBefore
        ? html`<p class="notice">${msg('Your previous recording of this question could not be processed. Please record it again: this does not use a retake.', { id: 'rec.failed-before' })}</p>`
        : null
    }
    <div class="actions">
      <button class="primary" data-autofocus @click=${() => void step.reveal()}>
        ${
          q.thinkSeconds === 0
            ? msg('Show the question and start recording', { id: 'rec.reveal.record' })
            : msg('Show the question', { id: 'rec.reveal' })
        }
      </button>
      ${
        step.practice
          ? html`<button @click=${() => step.next()}>${msg('Skip the practice', { id: 'rec.practice.skip' })}</button>`
          : null
      }
    </div>
  `;
}

/** The take is being created on the server: the prompt stays hidden until it exists. */
export function preparingView(step: StepView) {
  if (!step.waitingForConnection) {
    return html`<p role="status">${msg('Getting ready…', { id: 'rec.prepare.busy' })}</p>`;
  }
  return html`<div class="notice" role="status">
      <p>${msg('Waiting for the connection. Your question stays hidden and your thinking time has not started: both begin as soon as the connection returns. Your place in the interview is kept.', { id: 'rec.prepare.offline' })}</p>
    </div>
    <div class="actions">
      <button class="primary" data-autofocus @click=${() => step.retryPrepare()}>${msg('Try again now', { id: 'rec.prepare.retry' })}</button>
    </div>`;
}

/** Says so when the connection made this take smaller than full quality. */
function qualityNote(step: StepView) {
  const { quality } = step;
  if (step.practice || (quality.kind === 'video' && quality.shortSide >= 720)) return null;
  const text =
    quality.kind === 'audio'
      ? msg('Your connection is too slow for video: this answer is recorded with sound only.', {
          id: 'rec.quality.audio',
        })
      : msg(
          str`To suit your connection, this answer is recorded at a lower picture quality (${quality.shortSide}p).`,
          {
            id: 'rec.quality.lower',
          },
        );
  return html`<p class="muted quality">${text}</p>`;
}

export function thinkingView(step: StepView) {
  const left = step.thinking.remainingMs;
  const starting = step.flow.state.phase === 'starting';
  return html`${prompt(step, true)}${resumedNotice(step)}
    <div class="stage">
      <camera-preview .stream=${step.stream}></camera-preview>
      <div class="controls">
        ${
          left === null
            ? html`<p>${msg('Press the button when you are ready.', { id: 'rec.think.ready' })}</p>`
            : html`<p class="clock-line"><span>${msg('Recording starts in', { id: 'rec.think.starts-in' })}</span>
              <span class="clock" role="timer">${clock(left + 999)}</span></p>`
        }
        <div class="actions">
          <button class="danger" ?disabled=${starting || !step.stream} @click=${() => step.startRecording()}>
            ${
              starting
                ? msg('Starting…', { id: 'rec.starting' })
                : msg('Start recording now', { id: 'rec.start-now' })
            }
          </button>
        </div>
        ${qualityNote(step)}
      </div>
    </div>`;
}

export function recordingView(step: StepView) {
  const { recorder, question } = step;
  const limitMs = question.maxSeconds * 1000;
  const elapsed = Math.min(recorder.elapsedMs, limitMs);
  const paused = recorder.state === 'paused';
  return html`${prompt(step, false)}${resumedNotice(step)}
    <div class="stage">
      <camera-preview .stream=${step.stream}></camera-preview>
      <div class="controls">
        <p class="clock-line">
          ${
            paused
              ? html`<span class="badge paused"><span aria-hidden="true">❚❚</span> ${msg('Paused', { id: 'rec.paused' })}</span>`
              : html`<span class="badge"><span class="dot" aria-hidden="true"></span>${msg('Recording', { id: 'rec.recording' })}</span>`
          }
          <span class="clock" role="timer">${clock(elapsed)} / ${clock(limitMs)}</span>
        </p>
        <progress max=${limitMs} .value=${elapsed} aria-label=${msg('Answer time used', { id: 'rec.time-used' })}></progress>
        <p class="time-left">${msg(str`${clock(limitMs - elapsed + 999)} left. Recording stops by itself at the limit.`, { id: 'rec.time-left' })}</p>
        ${
          paused
            ? pausedActions(step)
            : html`<div class="actions">
              <button class="danger" data-autofocus @click=${() => step.stop()}>
                ${msg('Stop recording', { id: 'rec.stop' })}
              </button>
            </div>`
        }
      </div>
    </div>`;
}

function pausedActions(step: StepView) {
  return html`<p class="notice">
      ${msg('Recording paused while the page was in the background. Nothing recorded is lost.', { id: 'rec.paused.why' })}
    </p>
    <div class="actions">
      <button class="danger" @click=${() => step.recorder.resume()}>${msg('Resume recording', { id: 'rec.resume' })}</button>
      <button @click=${() => step.stop()}>${msg('Stop and keep this answer', { id: 'rec.stop-keep' })}</button>
    </div>`;
}

function saving(step: StepView) {
  if (step.flow.state.submitted) {
    return html`<p><span aria-hidden="true">✓</span> ${msg('Your answer is saved.', { id: 'rec.saved' })}</p>`;
  }
  const take = step.takeProgress;
  const done = take ? percent(take.recorded - take.pending, take.recorded) : 0;
  // Not a live region: the step announces "stopped, saving" and "saved" once each.
  return html`<p>${msg('Saving your answer…', { id: 'rec.saving' })} ${done}%</p>
    <progress max="100" .value=${done} aria-label=${msg('Saving progress', { id: 'rec.saving.progress' })}></progress>`;
}

function nextLabel(step: StepView): string {
  if (step.practice) return msg('Start the interview', { id: 'rec.practice.done' });
  return step.last
    ? msg('Finish the interview', { id: 'rec.finish' })
    : msg('Next question', { id: 'rec.next' });
}

function actions(step: StepView, keep = () => step.next(), keepLabel = nextLabel(step)) {
  const retakes = step.retakesRemaining;
  return html`<div class="actions">
      <button class="primary" data-autofocus @click=${keep}>${keepLabel}</button>
      ${retakeButton(step, retakes)}
    </div>
    ${
      step.practice
        ? null
        : html`<p class="muted">${retakesLeft(retakes)}
      ${retakes > 0 ? msg('A new recording replaces this answer once it is complete.', { id: 'rec.retake.replaces' }) : ''}</p>`
    }`;
}

/** Another take: at once for the practice; asked first where a saved answer is at stake. */
function retakeButton(step: StepView, retakes: number) {
  if (retakes <= 0) return null;
  if (step.practice) {
    return html`<button @click=${() => step.retake()}>${msg('Practise again', { id: 'rec.practice.again' })}</button>`;
  }
  return html`<confirm-retake .remaining=${retakes} @confirm=${() => step.retake()}></confirm-retake>`;
}

function interruptedView(step: StepView) {
  const answer = step.flow.state.answer!;
  if (step.uploads?.isBusyElsewhere(answer.id)) {
    return html`<p class="notice" role="status">${msg('This question is being recorded in another tab or window of this browser. Finish it there: this tab leaves it alone. Then reload this page to carry on here.', { id: 'rec.interrupted.other-tab' })}</p>`;
  }
  if (step.flow.state.earlier) return choiceView(step);
  if (step.uploads?.hasLocal(answer.id)) {
    return html`<p class="notice">${msg('Your last recording of this question was interrupted. We kept what you recorded.', { id: 'rec.interrupted.local' })}</p>
      ${saving(step)} ${actions(step)}`;
  }
  const seconds = answer.receivedChunks.length;
  if (seconds === 0) {
    return html`<p class="notice">${msg('Your last recording of this question was interrupted before any of it reached us. If you recorded it on another device, open this link there to finish uploading it. Otherwise, record it again: this does not use a retake.', { id: 'rec.interrupted.nothing' })}</p>
      <div class="actions">
        <button class="primary" data-autofocus @click=${() => void step.replaceEmptyTake()}>${msg('Record again', { id: 'rec.retake' })}</button>
      </div>`;
  }
  return html`<p class="notice">${msg(str`Your last recording of this question was interrupted. About ${spokenDuration(seconds)} of it reached us.`, { id: 'rec.interrupted.remote' })}
      ${stillArriving(answer.lastChunkAt) ? msg('Part of it arrived in the last two minutes: if it is still being recorded on another device or in another tab, finish it there first.', { id: 'rec.interrupted.recent' }) : ''}</p>
    ${actions(step, () => void step.keepUploadedPart(), msg('Keep that part and go on', { id: 'rec.interrupted.keep' }))}`;
}

/** Chunks of it reached the server lately: another device or tab may still be recording it. */
function stillArriving(lastChunkAt: string | null): boolean {
  return lastChunkAt !== null && Date.now() - Date.parse(lastChunkAt) < 2 * 60_000;
}

export function reviewView(step: StepView) {
  if (step.flow.state.phase === 'interrupted') return interruptedView(step);
  const video = step.playback.url
    ? html`<video
        class="playback"
        controls
        playsinline
        preload="metadata"
        src=${step.playback.url}
        aria-label=${msg('Your recorded answer', { id: 'rec.playback' })}
      ></video>`
    : null;
  if (step.practice) {
    return html`${video}
      <p>${msg('This was a practice: nothing was sent.', { id: 'rec.practice.note' })}</p>
      ${actions(step)}`;
  }
  if (step.flow.state.keptEarlier) {
    return html`<p class="notice">${msg('You kept your earlier answer. The interrupted recording is set aside and will not be reviewed.', { id: 'rec.choose.kept-earlier-note' })}</p>
      ${saving(step)} ${actions(step)}`;
  }
  const kept = spokenDuration(step.recorder.elapsedMs / 1000);
  return html`${video}
    ${
      step.flow.state.endedEarly
        ? html`<p class="notice">${msg(str`The recording stopped early: the camera was turned off or the page went to the background. We kept the ${kept} you recorded.`, { id: 'rec.ended-early' })}</p>`
        : null
    }
    ${saving(step)} ${actions(step)}`;
}
