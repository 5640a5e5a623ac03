import type { UploadMeasure } from './upload/speed-probe.js';
/**
 * Events of the recorder. Public ones (documented in docs/recorder.md) bubble and cross shadow
 * roots so that a page embedding <interview-recorder> can listen on the element or on document.
 * Internal ones carry a step's outcome up to <interview-recorder>, which drives the flow.
 */

export type RecorderStep =
  | 'loading'
  | 'unavailable'
  | 'welcome'
  | 'devices'
  | 'practice'
  | 'question'
  | 'finishing'
  | 'finished';

export interface StepChangeDetail {
  step: RecorderStep;
  /** 0-based; present on `question`. */
  questionIndex?: number;
  questionCount: number;
  /** True when the session says feedback was released (the page then shows it). */
  feedbackReleased?: boolean;
}

export interface AnswerSubmittedDetail {
  questionId: string;
  answerId: string;
  attempt: number;
  /** The server accepted the take (`complete` → 202); it is now processing. */
  status: string;
}

export interface InterviewFinishedDetail {
  invitationId: string;
  completedAt: string | null;
}

export interface RecorderErrorDetail {
  /** The API's problem `code` (e.g. `expired`), or `network` when the server was not reached. */
  code: string;
  message: string;
}

export interface AnnounceDetail {
  message: string;
}

export interface QuestionDoneDetail {
  questionId: string;
  /** The take kept for it on this device, if one was recorded here. */
  answerId: string | null;
}

export interface DevicesConfirmedDetail {
  /** Measured upload speed in kbit/s, when the probe could run. */
  uploadKbps: number | null;
  /** A tiny request's time during the check (mostly the round trip). */
  roundTripMs: number;
  /** The check had not finished when the candidate went on: its result, when it comes. */
  stillMeasuring: Promise<UploadMeasure> | null;
}

export interface MediaRequestDetail {
  cameraId?: string;
  microphoneId?: string;
}

declare global {
  interface HTMLElementEventMap {
    'step-change': CustomEvent<StepChangeDetail>;
    'answer-submitted': CustomEvent<AnswerSubmittedDetail>;
    'interview-finished': CustomEvent<InterviewFinishedDetail>;
    'recorder-error': CustomEvent<RecorderErrorDetail>;
    announce: CustomEvent<AnnounceDetail>;
    'welcome-accepted': CustomEvent<Record<string, never>>;
    'devices-confirmed': CustomEvent<DevicesConfirmedDetail>;
    'practice-done': CustomEvent<Record<string, never>>;
    'media-request': CustomEvent<MediaRequestDetail>;
    'question-done': CustomEvent<QuestionDoneDetail>;
  }
}

type EventName = keyof HTMLElementEventMap;
type DetailOf<K extends EventName> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a typed, bubbling, composed event from `target`. */
export function emit<K extends EventName>(target: EventTarget, type: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Asks <interview-recorder> to read `message` out in its polite live region. */
export function announce(target: EventTarget, message: string): void {
  emit(target, 'announce', { message });
}
