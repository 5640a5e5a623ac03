/**
 * What <interview-recorder> shows for each step of the flow, wired to its handlers. Kept apart
 * from the element's behaviour so that each file stays short.
 */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CandidateSession, Question } from '../../server/contracts/api.js';
import type { CandidateApi } from './candidate-api.js';
import { type BrowserSupport, canRecord } from './device/browser-support.js';
import { deviceProblem } from './device/device-help.js';
import type { MediaController } from './device/media-controller.js';
import type { DevicesConfirmedDetail, RecorderStep } from './events.js';
import type { RecordingFormat } from './recording/recording-format.js';
import { attemptsLeft, earlierComplete, type QuestionProgress } from './session-progress.js';
import type { UploadController } from './upload/upload-controller.js';

/**
 * What these views read of <interview-recorder> and the handlers they call: declared here, not
 * imported from the element, so that the element's import of these views is the only arrow.
 */
export interface RecorderHost extends HTMLElement {
  readonly step: RecorderStep;
  readonly session: CandidateSession | null;
  readonly progress: QuestionProgress[];
  readonly questionIndex: number;
  readonly problem: string;
  readonly uploadKbps: number | null;
  readonly uploadMeasured: Promise<number | null> | null;
  readonly rateConfirmed: boolean;
  readonly api: CandidateApi | null;
  readonly media: MediaController;
  readonly uploads: UploadController;
  readonly support: BrowserSupport;
  readonly returning: boolean;
  readonly audioOnlyAllowed: boolean;
  readonly format: RecordingFormat | null;
  onWelcomeAccepted(): void;
  onExtraTime(request: { result?: Promise<unknown> }): void;
  onDevicesConfirmed(detail: DevicesConfirmedDetail): void;
  onPracticeDone(): void;
  onQuestionDone(answerId: string | null): void;
  say(message: string): void;
}

function practiceQuestion(): Question {
  return {
    id: 'practice',
    position: 0,
    prompt: msg('Practice: introduce yourself in a few words. This answer is never sent.', {
      id: 'rec.practice.prompt',
    }),
    thinkSeconds: 10,
    maxSeconds: 30,
    retakes: 0,
  };
}

function header(host: RecorderHost) {
  const { session } = host;
  if (!session) return nothing;
  return html`<header>
    <h1>${session.interview.title}</h1>
    <upload-status
      .status=${host.uploads.status}
      .online=${navigator.onLine}
      .durable=${host.uploads.durable}
      @announce=${(e: CustomEvent<{ message: string }>) => host.say(e.detail.message)}
    ></upload-status>
  </header>`;
}

/** The camera went away mid-interview (iOS in the background, a cable): how to get it back. */
function mediaProblem(host: RecorderHost) {
  const { status } = host.media;
  if (status === 'ready') return nothing;
  if (status === 'requesting') {
    return html`<p class="notice" role="status">${msg('Turning the camera back on…', { id: 'rec.media.restarting' })}</p>`;
  }
  // Issue 9: the camera went and this interview does not take sound only: say that, not "stopped".
  const why =
    status === 'no-camera'
      ? deviceProblem(status)
      : html`<p>${msg('The camera or microphone stopped.', { id: 'rec.media.stopped' })}</p>`;
  return html`<div class="notice problem" role="alert">
    ${why}
    <button class="primary" @click=${() => void host.media.start()}>${
      status === 'no-camera'
        ? msg('Try again', { id: 'rec.devices.retry' })
        : msg('Turn them back on', { id: 'rec.media.restart' })
    }</button>
  </div>`;
}

function questionView(host: RecorderHost, practice: boolean) {
  const format = host.format;
  if (!format) return nothing;
  const p = host.progress[host.questionIndex];
  if (!practice && !p) return nothing;
  const question = practice ? practiceQuestion() : p!.question;
  // The step stays in place while the camera is away, so that a take in progress is kept.
  return html`${mediaProblem(host)}${keyed(
    question.id,
    html`<question-step
      data-step
      .question=${question}
      .position=${host.questionIndex + 1}
      .total=${host.progress.length}
      .practice=${practice}
      .last=${host.questionIndex === host.progress.length - 1}
      .attemptsLeft=${p ? attemptsLeft(p) : 1}
      .interrupted=${practice ? null : (p?.interrupted ?? null)}
      .earlier=${practice || !p ? null : earlierComplete(p)}
      .failedBefore=${!practice && Boolean(p?.failed)}
      .stream=${host.media.stream}
      .format=${format}
      .uploadKbps=${host.uploadKbps}
      .uploadMeasured=${host.uploadMeasured}
      .audioOnlyAllowed=${host.rateConfirmed && host.audioOnlyAllowed}
      .uploads=${practice ? null : host.uploads}
      .uploadStatus=${host.uploads.status}
      @practice-done=${() => host.onPracticeDone()}
      @question-done=${(e: CustomEvent<{ answerId: string | null }>) => host.onQuestionDone(e.detail.answerId)}
    ></question-step>`,
  )}`;
}

function devicesView(host: RecorderHost) {
  return html`<device-check-step
    data-step
    .media=${host.media.snapshot}
    .support=${host.support}
    .api=${host.api}
    @media-request=${(e: CustomEvent<{ cameraId?: string; microphoneId?: string }>) => void host.media.start(e.detail)}
    @devices-confirmed=${(e: CustomEvent<DevicesConfirmedDetail>) => host.onDevicesConfirmed(e.detail)}
  ></device-check-step>`;
}

function body(host: RecorderHost) {
  switch (host.step) {
    case 'loading':
      return html`<p aria-busy="true">${msg('Loading your interview…', { id: 'cand.loading' })}</p>`;
    case 'unavailable':
      return html`<p class="notice problem" role="alert">${host.problem}</p>`;
    case 'welcome':
      return html`<welcome-step
        data-step
        .session=${host.session!}
        .returning=${host.returning}
        .answered=${host.progress.filter((p) => p.submitted).length}
        .uploading=${host.progress.filter((p) => p.uploadingHere).length}
        @welcome-accepted=${() => host.onWelcomeAccepted()}
        @extra-time-requested=${(e: CustomEvent<{ result?: Promise<unknown> }>) => host.onExtraTime(e.detail)}
      ></welcome-step>`;
    case 'devices':
      return devicesView(host);
    case 'practice':
      return questionView(host, true);
    case 'question':
      return questionView(host, false);
    case 'finishing':
    case 'finished':
      return html`<finished-step data-step .name=${host.session?.candidate.name ?? ''} .sending=${host.step === 'finishing'} .emailEnabled=${host.session?.emailEnabled !== false} .problem=${host.problem}></finished-step>`;
  }
}

export function stepView(host: RecorderHost) {
  const unsupported =
    host.step !== 'loading' && host.step !== 'unavailable' && !canRecord(host.support);
  return html`${header(host)}
    <div @announce=${(e: CustomEvent<{ message: string }>) => host.say(e.detail.message)}>
      ${
        unsupported && host.step !== 'finished'
          ? html`<p class="notice problem" role="alert">${msg('This browser cannot record video answers. Please open this link in a recent Chrome, Edge, Firefox or Safari, on a computer or a phone.', { id: 'cand.unsupported' })}</p>`
          : nothing
      }
      ${body(host)}
    </div>`;
}
