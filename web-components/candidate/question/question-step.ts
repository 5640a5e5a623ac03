import { localized, msg, str } from '@lit/localize';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Answer, Question } from '../../../server/contracts/api.js';
import '../device/camera-preview.js';
import { announce, emit } from '../events.js';
import { spokenDuration } from '../format.js';
import { questionOf, startErrorMessage } from '../messages.js';
import { chooseQuality, type Quality } from '../recording/quality-ladder.js';
import type { RecordingFormat } from '../recording/recording-format.js';
import {
  FULL_QUALITY,
  fitCamera,
  formatForTake,
  streamForTake,
  videoBitsForTake,
} from '../recording/take-quality.js';
import { TakeRecorder } from '../recording/take-recorder.js';
import { sharedStyles } from '../shared.styles.js';
import type { TakeProgress, UploadStatus } from '../upload/chunk-uploader.js';
import type { UploadController } from '../upload/upload-controller.js';
import { CountdownController } from './countdown-controller.js';
import { PlaybackController } from './playback-controller.js';
import { questionStyles } from './question-step.styles.js';
import {
  introView,
  preparingView,
  recordingView,
  reviewView,
  thinkingView,
} from './question-views.js';
import { SpokenReminders } from './spoken-reminders.js';
import { TakePreparation } from './take-preparation.js';
import { resumeThinking } from './take-resumption.js';
import * as submission from './take-submission.js';

export type QuestionPhase =
  | 'intro'
  | 'preparing'
  | 'thinking'
  | 'starting'
  | 'recording'
  | 'review'
  | 'interrupted';

/**
 * One question, or the practice question: reveal, think-time countdown (start early allowed),
 * recording with the clock and an automatic stop at the limit, local playback, retake while
 * retakes remain. Real takes go to the outbox slice by slice; the practice never leaves.
 *
 * This file holds the step's state and its moves from phase to phase. Elsewhere: creating the
 * take before the prompt (take-preparation.ts), what a take records (take-quality.ts), after a
 * take, up to the server's receipt (take-submission.ts), the spoken reminders, and what each
 * phase shows (question-views.ts).
 */
@customElement('question-step')
@localized()
export class QuestionStep extends LitElement {
  static override styles = [sharedStyles, questionStyles];

  @property({ attribute: false }) question!: Question;
  @property({ type: Number }) position = 1;
  @property({ type: Number }) total = 1;
  @property({ type: Boolean }) practice = false;
  @property({ type: Boolean }) last = false;
  /** Takes still allowed when the step opened (1 + retakes − takes that count). */
  @property({ type: Number }) attemptsLeft = 1;
  /** A take of this question cut short earlier (reload, crash, another device). */
  @property({ attribute: false }) interrupted: Answer | null = null;
  /** The latest take failed processing: it is recorded again at no cost. */
  @property({ type: Boolean }) failedBefore = false;
  @property({ attribute: false }) stream: MediaStream | null = null;
  @property({ attribute: false }) format!: RecordingFormat;
  @property({ attribute: false }) uploadKbps: number | null = null;
  /** A speed check the candidate did not wait for: the first take waits for it (briefly). */
  @property({ attribute: false }) uploadMeasured: Promise<number | null> | null = null;
  /**
   * Sound only is allowed when the connection is too slow for video: the interview allows it
   * (`allowAudioOnly`) and the slow rate was confirmed. When false the ladder stops at 240p.
   */
  @property({ type: Boolean }) audioOnlyAllowed = true;
  @property({ attribute: false }) uploads: UploadController | null = null;
  /** The uploads' progress, passed down so that this step re-renders as chunks go out. */
  @property({ attribute: false }) uploadStatus: UploadStatus | null = null;

  @state() phase: QuestionPhase = 'intro';
  @state() answer: Answer | null = null;
  /** What the next take records: picked from the upload speed when the prompt is revealed. */
  @state() quality: Quality = FULL_QUALITY;
  @state() submitted = false;
  @state() endedEarly = false;
  @state() error = '';
  /** Takes begun in this step that count against the limit (an abandoned empty one does not). */
  @state() takesUsed = 0;
  /**
   * Issue 9: the take was left during its thinking time and goes on here with the time left;
   * this says so to the candidate until the take ends.
   */
  @state() resumedNote = '';
  readonly recorder = new TakeRecorder(this);
  readonly thinking = new CountdownController(this);
  readonly playback = new PlaybackController(this);
  readonly preparation = new TakePreparation(this, () => this.uploads);
  private readonly reminders = new SpokenReminders();
  @query('h2') private heading!: HTMLElement;

  focusHeading(): void {
    this.heading?.focus();
  }

  get takeProgress(): TakeProgress | null {
    const id = this.answer?.id;
    return this.uploadStatus?.takes.find((t) => t.answerId === id) ?? null;
  }

  get retakesRemaining(): number {
    return this.practice ? Number.POSITIVE_INFINITY : this.attemptsLeft - this.takesUsed;
  }

  /** The take being created on the server waits for the connection: the prompt stays hidden. */
  get waitingForConnection(): boolean {
    return this.preparation.waitingForConnection;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.interrupted && this.phase === 'intro') {
      if (this.uploads?.canResume(this.interrupted)) void resumeThinking(this, this.interrupted);
      else submission.settleInterrupted(this, this.interrupted);
    }
  }

  override disconnectedCallback(): void {
    // Removed mid-take (the embedding page moved on): keep what was recorded.
    if (this.recorder.state === 'recording' || this.recorder.state === 'paused') void this.stop();
    else if (this.preparation.prepared) this.preparation.giveBack(this.preparation.prepared);
    super.disconnectedCallback();
  }

  /** The format of the next take: sound only when the quality chosen says so. */
  get takeFormat(): RecordingFormat {
    return formatForTake(this.quality, this.format);
  }

  /**
   * Shows the prompt and starts the thinking time, once the take exists on the server: offline,
   * the question stays hidden (and its thinking time unspent) until the connection returns, so
   * that being offline never buys extra time to think.
   */
  async reveal(): Promise<void> {
    this.error = '';
    if (!this.practice && !this.preparation.prepared && !(await this.prepareTake())) return;
    this.resumedNote = '';
    this.think(this.question.thinkSeconds * 1000);
    if (this.question.thinkSeconds === 0) return;
    announce(
      this,
      msg(str`Thinking time: ${spokenDuration(this.question.thinkSeconds)}.`, {
        id: 'rec.think.started',
      }),
    );
  }

  /** Counts down the thinking time, then records; with none left, records at once. */
  think(ms: number): void {
    // Thinking, if only for an instant: without a camera the candidate starts when it is back.
    this.phase = 'thinking';
    if (ms <= 0) return void this.startRecording();
    this.thinking.start(ms, {
      onEnd: () => void this.startRecording(),
      // Said only when it is news: with 10 s or less to think it would come at once.
      warnAtMs: 10_000,
      onWarn: () => announce(this, msg('Recording starts in 10 seconds.', { id: 'rec.think.ten' })),
    });
  }

  /** Picks the quality for the connection and creates the take, waiting for a connection. */
  private async prepareTake(): Promise<boolean> {
    await this.fitQuality();
    try {
      return await this.preparation.create(this.question.id, this.takeFormat.mimeType);
    } catch (err) {
      this.phase = 'intro';
      this.error = startErrorMessage(err);
      return false;
    }
  }

  /** Picks what the next take records, from the upload speed, and sets the camera to it. */
  async fitQuality(): Promise<void> {
    this.phase = 'preparing';
    const uploadKbps = await measuredSpeed(this.uploadMeasured, this.uploadKbps);
    this.quality = chooseQuality(uploadKbps, { audioOnlyAllowed: this.audioOnlyAllowed });
    await fitCamera(this.stream, this.quality);
  }

  /** The candidate asks to try at once rather than wait for the next automatic attempt. */
  retryPrepare(): void {
    this.preparation.retry();
  }

  async startRecording(): Promise<void> {
    // An ended stream would fail after the attempt is spent on the server: check it first.
    if (this.phase === 'starting' || this.phase === 'recording' || !this.stream?.active) return;
    this.thinking.stop();
    this.phase = 'starting';
    const answer = this.preparation.take();
    try {
      Object.assign(this, { answer, submitted: false, endedEarly: false, error: '' });
      this.beginTake(answer);
      this.takesUsed += 1;
    } catch (err) {
      if (answer) this.preparation.giveBack(answer);
      // No countdown now (it was stopped): the candidate presses the button when ready.
      this.phase = 'intro';
      this.error = startErrorMessage(err);
    }
  }

  private beginTake(answer: Answer | null): void {
    if (answer) this.uploads!.recordingBegins(answer.id);
    this.recorder.start({
      stream: streamForTake(this.quality, this.stream!),
      format: this.takeFormat,
      videoBitsPerSecond: videoBitsForTake(this.quality),
      shortSide: this.quality.kind === 'video' ? this.quality.shortSide : undefined,
      limitMs: this.question.maxSeconds * 1000,
      onSlice: (slice, recordedMs, leaving) => {
        if (answer)
          void this.uploads!.addSlice(answer.id, slice, recordedMs, leaving).catch(() =>
            submission.storageProblem(this),
          );
      },
      onLimit: () => void this.stop(),
      onInterrupted: (result) => submission.takeEnded(this, result),
    });
    this.phase = 'recording';
    this.reminders.clear();
    announce(
      this,
      msg(str`Recording. You have ${spokenDuration(this.question.maxSeconds)}.`, {
        id: 'rec.recording.started',
      }),
    );
  }

  async stop(): Promise<void> {
    if (this.recorder.state !== 'recording' && this.recorder.state !== 'paused') return;
    submission.takeEnded(this, await this.recorder.stop());
  }

  keepUploadedPart(): Promise<void> {
    return submission.keepUploadedPart(this);
  }

  replaceEmptyTake(): Promise<void> {
    return submission.replaceEmptyTake(this);
  }

  retake(): void {
    if (this.retakesRemaining <= 0) return;
    this.playback.clear();
    this.phase = 'intro';
    void this.reveal();
  }

  next(): void {
    if (this.practice) emit(this, 'practice-done', {});
    else
      emit(this, 'question-done', {
        questionId: this.question.id,
        answerId: this.answer?.id ?? null,
      });
  }

  override updated(changed: PropertyValues<this>): void {
    // The button just pressed may be gone: move focus to what matters in the new phase.
    if (changed.has('phase') && changed.get('phase') !== undefined) {
      this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (this.phase !== 'recording') return;
    for (const mark of this.reminders.due(this.question.maxSeconds, this.recorder.elapsedMs)) {
      announce(this, msg(str`${spokenDuration(mark)} left.`, { id: 'rec.recording.left' }));
    }
  }

  override render() {
    const title = this.practice
      ? msg('Practice question', { id: 'rec.practice.title' })
      : questionOf(this.position, this.total);
    const body = {
      intro: () => introView(this),
      preparing: () => preparingView(this),
      thinking: () => thinkingView(this),
      starting: () => thinkingView(this),
      recording: () => recordingView(this),
      review: () => reviewView(this),
      interrupted: () => reviewView(this),
    }[this.phase]();
    return html`<h2 tabindex="-1">${title}</h2>
      ${body}
      ${this.error ? html`<p class="notice problem" role="alert">${this.error}</p>` : null}`;
  }
}

/** The longest a take waits for an unfinished speed check before recording at full quality. */
const SPEED_WAIT_MS = 10_000;

/**
 * The speed to choose a take's quality from. The prompt stays hidden while this waits, so the
 * wait costs no thinking time; past SPEED_WAIT_MS the take records at what is known.
 */
async function measuredSpeed(
  pending: Promise<number | null> | null,
  known: number | null,
): Promise<number | null> {
  if (!pending) return known;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<number | null>((resolve) => {
    timer = setTimeout(() => resolve(known), SPEED_WAIT_MS);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}
