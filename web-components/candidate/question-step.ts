import { localized, msg, str } from '@lit/localize';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Answer, Question } from '../../server/contracts/api.js';
import './camera-preview.js';
import type { TakeProgress, UploadStatus } from './chunk-uploader.js';
import { CountdownController } from './countdown-controller.js';
import { announce, emit } from './events.js';
import { spokenDuration } from './format.js';
import { fitPicture } from './media-controller.js';
import { canWaitForConnection, questionOf, startErrorMessage } from './messages.js';
import { PlaybackController } from './playback-controller.js';
import { chooseQuality, type Quality } from './quality-ladder.js';
import { questionStyles } from './question-step.styles.js';
import {
  introView,
  preparingView,
  recordingView,
  reviewView,
  thinkingView,
} from './question-views.js';
import { browserSupports, pickRecordingFormat, type RecordingFormat } from './recording-format.js';
import { sharedStyles } from './shared.styles.js';
import { TakeRecorder, type TakeResult } from './take-recorder.js';
import type { UploadController } from './upload-controller.js';
import { WakeableSleep } from './wakeable-sleep.js';

export type QuestionPhase =
  | 'intro'
  | 'preparing'
  | 'thinking'
  | 'starting'
  | 'recording'
  | 'review'
  | 'interrupted';

/** Spoken reminders while recording, in seconds left (not every second). */
const REMINDERS = [60, 30, 10];

/**
 * One question, or the practice question: reveal, think-time countdown (start early allowed),
 * recording with the clock and an automatic stop at the limit, local playback, retake while
 * retakes remain. Real takes go to the outbox slice by slice; the practice never leaves.
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
  /** The interview accepts sound-only answers when the connection is too slow for video. */
  @property({ type: Boolean }) audioOnlyAllowed = true;
  @property({ attribute: false }) uploads: UploadController | null = null;
  /** The uploads' progress, passed down so that this step re-renders as chunks go out. */
  @property({ attribute: false }) uploadStatus: UploadStatus | null = null;

  @state() phase: QuestionPhase = 'intro';
  @state() answer: Answer | null = null;
  /** The take created on the server for the next recording, before the prompt is shown. */
  @state() prepared: Answer | null = null;
  /** The take could not be created for want of a connection: the prompt stays hidden. */
  @state() waitingForConnection = false;
  /** What the next take records: picked from the upload speed when the prompt is revealed. */
  @state() quality: Quality = { kind: 'video', videoBitsPerSecond: 1_500_000, shortSide: 720 };
  @state() submitted = false;
  @state() endedEarly = false;
  @state() error = '';
  /** Takes begun in this step that count against the limit (an abandoned empty one does not). */
  @state() takesUsed = 0;
  readonly recorder = new TakeRecorder(this);
  readonly thinking = new CountdownController(this);
  readonly playback = new PlaybackController(this);
  private reminded = new Set<number>();
  private readonly connectionBack = new WakeableSleep();
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

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    if (this.interrupted && this.phase === 'intro') this.settleInterrupted(this.interrupted);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('online', this.onOnline);
    this.connectionBack.wake();
    // Removed mid-take (the embedding page moved on): keep what was recorded.
    if (this.recorder.state === 'recording' || this.recorder.state === 'paused') void this.stop();
    else if (this.prepared) this.giveBack(this.prepared);
    super.disconnectedCallback();
  }

  private readonly onOnline = () => this.connectionBack.wake();

  /** The format of the next take: sound only when the quality chosen says so. */
  get takeFormat(): RecordingFormat {
    if (this.quality.kind !== 'audio') return this.format;
    return pickRecordingFormat(browserSupports, true) ?? this.format;
  }

  /**
   * Shows the prompt and starts the thinking time, once the take exists on the server: offline,
   * the question stays hidden (and its thinking time unspent) until the connection returns, so
   * that being offline never buys extra time to think.
   */
  async reveal(): Promise<void> {
    this.error = '';
    if (!this.practice && !this.prepared && !(await this.prepareTake())) return;
    if (this.question.thinkSeconds === 0) return void this.startRecording();
    this.phase = 'thinking';
    this.thinking.start(this.question.thinkSeconds * 1000, {
      onEnd: () => void this.startRecording(),
      // Said only when it is news: with 10 s or less to think it would come at once.
      warnAtMs: 10_000,
      onWarn: () => announce(this, msg('Recording starts in 10 seconds.', { id: 'rec.think.ten' })),
    });
    announce(
      this,
      msg(str`Thinking time: ${spokenDuration(this.question.thinkSeconds)}.`, {
        id: 'rec.think.started',
      }),
    );
  }

  /** Picks the quality for the connection and creates the take, waiting for a connection. */
  private async prepareTake(): Promise<boolean> {
    this.phase = 'preparing';
    this.quality = chooseQuality(this.uploadKbps, { audioOnlyAllowed: this.audioOnlyAllowed });
    if (this.quality.kind === 'video') await fitPicture(this.stream, this.quality.shortSide);
    for (;;) {
      try {
        const format = this.takeFormat;
        this.prepared = await this.uploads!.beginTake(this.question.id, format.mimeType);
        this.waitingForConnection = false;
        return true;
      } catch (err) {
        if (!canWaitForConnection(err)) {
          Object.assign(this, { phase: 'intro', waitingForConnection: false });
          this.error = startErrorMessage(err);
          return false;
        }
        if (!this.waitingForConnection) {
          announce(
            this,
            msg('Waiting for the connection. The question stays hidden until it returns.', {
              id: 'rec.prepare.waiting',
            }),
          );
        }
        this.waitingForConnection = true;
        await this.connectionBack.until(5000);
        if (!this.isConnected) return false;
      }
    }
  }

  /** The candidate asks to try at once rather than wait for the next automatic attempt. */
  retryPrepare(): void {
    this.connectionBack.wake();
  }

  /** A take created but never recorded: the uploader abandons it, so it costs no attempt. */
  private giveBack(answer: Answer): void {
    this.prepared = null;
    void this.uploads!.endTake(answer.id, 0, true).catch(() => undefined);
  }

  async startRecording(): Promise<void> {
    // An ended stream would fail after the attempt is spent on the server: check it first.
    if (this.phase === 'starting' || this.phase === 'recording' || !this.stream?.active) return;
    this.thinking.stop();
    this.phase = 'starting';
    const answer = this.prepared;
    this.prepared = null;
    try {
      Object.assign(this, { answer, submitted: false, endedEarly: false, error: '' });
      this.beginTake(answer);
      this.takesUsed += 1;
    } catch (err) {
      if (answer) this.giveBack(answer);
      // No countdown now (it was stopped): the candidate presses the button when ready.
      this.phase = 'intro';
      this.error = startErrorMessage(err);
    }
  }

  private beginTake(answer: Answer | null): void {
    const audioOnly = this.quality.kind === 'audio';
    const stream = audioOnly ? new MediaStream(this.stream!.getAudioTracks()) : this.stream!;
    this.recorder.start({
      stream,
      format: this.takeFormat,
      videoBitsPerSecond:
        this.quality.kind === 'video' ? this.quality.videoBitsPerSecond : 1_500_000,
      shortSide: this.quality.kind === 'video' ? this.quality.shortSide : undefined,
      limitMs: this.question.maxSeconds * 1000,
      onSlice: (slice, recordedMs, leaving) => {
        if (answer)
          void this.uploads!.addSlice(answer.id, slice, recordedMs, leaving).catch(() =>
            this.storageProblem(),
          );
      },
      onLimit: () => void this.stop(),
      onInterrupted: (result) => this.ended(result),
    });
    this.phase = 'recording';
    this.reminded.clear();
    announce(
      this,
      msg(str`Recording. You have ${spokenDuration(this.question.maxSeconds)}.`, {
        id: 'rec.recording.started',
      }),
    );
  }

  async stop(): Promise<void> {
    if (this.recorder.state !== 'recording' && this.recorder.state !== 'paused') return;
    this.ended(await this.recorder.stop());
  }

  private ended(result: TakeResult): void {
    // The upload comes first: everything else here can wait for it.
    if (this.answer && !this.practice) {
      void this.uploads!.endTake(this.answer.id, result.durationMs, result.interrupted).catch(() =>
        this.storageProblem(),
      );
      this.awaitSubmission(this.answer.id);
    }
    this.playback.hold(result.blob);
    this.endedEarly = result.interrupted;
    this.phase = 'review';
    if (this.practice || !this.answer) {
      this.playback.show();
      announce(
        this,
        msg('Recording stopped. You can watch your practice answer.', {
          id: 'rec.practice.stopped',
        }),
      );
      return;
    }
    // Not while the last chunk is being sent: playback comes once saved, or after 3 s anyway.
    this.playback.showLater(3000);
    announce(this, msg('Recording stopped. Saving your answer.', { id: 'rec.recording.stopped' }));
  }

  private awaitSubmission(answerId: string): void {
    this.uploads!.submitted(answerId).then(
      (answer) => {
        if (this.answer?.id !== answerId) return;
        this.submitted = true;
        announce(this, msg('Your answer is saved.', { id: 'rec.saved' }));
        emit(this, 'answer-submitted', {
          questionId: answer.questionId,
          answerId: answer.id,
          attempt: answer.attempt,
          status: answer.status,
        });
        this.playback.show();
      },
      (err: Error & { code?: string }) => {
        if (this.answer?.id !== answerId) return;
        if (err.code === 'empty_take') this.nothingRecorded();
        else this.error = err.message;
      },
    );
  }

  /** The take ended before its first slice; the server forgot it, so it cost no attempt. */
  private nothingRecorded(): void {
    this.takesUsed -= 1;
    this.playback.clear();
    Object.assign(this, { answer: null, phase: 'intro' });
    this.error = msg(
      'Nothing was recorded, so this did not use a retake. Please record your answer again.',
      { id: 'rec.empty-take' },
    );
  }

  /** A take cut short before this page opened: keep it (it costs nothing more) or retake. */
  private settleInterrupted(answer: Answer): void {
    this.phase = 'interrupted';
    this.answer = answer;
    if (this.uploads?.hasLocal(answer.id) && !this.uploads.isBusyElsewhere(answer.id)) {
      this.awaitSubmission(answer.id);
    }
  }

  async keepUploadedPart(): Promise<void> {
    if (!this.answer) return;
    try {
      await this.uploads!.keepUploadedPart(this.answer);
      this.next();
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  /** An interrupted take that reached the server empty: forget it (no cost), then record. */
  async replaceEmptyTake(): Promise<void> {
    if (!this.answer) return;
    try {
      await this.uploads!.abandon(this.answer.id);
      this.takesUsed -= 1;
      this.answer = null;
      this.retake();
    } catch (err) {
      this.error = startErrorMessage(err);
    }
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

  private storageProblem(): void {
    this.error = msg(
      'This device could not store the recording. Free some space, or keep this page open while it uploads.',
      { id: 'rec.error.storage' },
    );
  }

  override updated(changed: PropertyValues<this>): void {
    // The button just pressed may be gone: move focus to what matters in the new phase.
    if (changed.has('phase') && changed.get('phase') !== undefined) {
      this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (this.phase === 'recording') this.remind();
  }

  private remind(): void {
    const left = Math.ceil((this.question.maxSeconds * 1000 - this.recorder.elapsedMs) / 1000);
    for (const mark of REMINDERS) {
      if (left <= mark && !this.reminded.has(mark) && this.question.maxSeconds > mark * 1.5) {
        this.reminded.add(mark);
        announce(this, msg(str`${spokenDuration(mark)} left.`, { id: 'rec.recording.left' }));
      }
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
      ${this.error ? html`<p class="notice problem error" role="alert">${this.error}</p>` : null}`;
  }
}
