/**
 * What <question-step> offers its helpers (take-submission.ts, take-resumption.ts) and its views
 * (question-views.ts). They depend on this, not on the element, so that no import goes round in
 * a circle: the element imports them, they import only this.
 */
import type { Question } from '../../../server/contracts/api.js';
import type { Quality } from '../recording/quality-ladder.js';
import type { TakeRecorder } from '../recording/take-recorder.js';
import type { TakeProgress } from '../upload/chunk-uploader.js';
import type { UploadController } from '../upload/upload-controller.js';
import type { CountdownController } from './countdown-controller.js';
import type { PlaybackController } from './playback-controller.js';
import type { TakeFlow } from './take-flow.js';
import type { TakePreparation } from './take-preparation.js';

/** What the helpers that act after a take, or on a take found interrupted, may use. */
export interface TakeHost extends HTMLElement {
  readonly flow: TakeFlow;
  readonly question: Question;
  readonly practice: boolean;
  readonly uploads: UploadController | null;
  readonly playback: PlaybackController;
  readonly preparation: TakePreparation;
  /** Picks the next take's quality from the upload speed and sets the camera to it. */
  fitQuality(): Promise<void>;
  /** Counts down `ms` of thinking time, then records (at once with none). */
  think(ms: number): void;
  /** Starts the next take from the beginning: the prompt is revealed again. */
  retake(): void;
  next(): void;
}

/** What the views read and the actions their buttons call. */
export interface StepView extends TakeHost {
  readonly last: boolean;
  readonly failedBefore: boolean;
  readonly stream: MediaStream | null;
  readonly quality: Quality;
  readonly recorder: TakeRecorder;
  readonly thinking: CountdownController;
  readonly waitingForConnection: boolean;
  readonly retakesRemaining: number;
  readonly takeProgress: TakeProgress | null;
  reveal(): Promise<void>;
  retryPrepare(): void;
  startRecording(): Promise<void>;
  stop(): Promise<void>;
  keepUploadedPart(): Promise<void>;
  replaceEmptyTake(): Promise<void>;
  keepEarlier(): Promise<void>;
  keepInterrupted(): Promise<void>;
}
