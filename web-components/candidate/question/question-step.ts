import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
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
  measuredSpeed,
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
import type { StepView } from './step-api.js';
import { type QuestionPhase, retakesRemaining, TakeFlow } from './take-flow.js';
import { TakePreparation } from './take-preparation.js';
import { resumeThinking } from './take-resumption.js';
import * as submission from './take-submission.js';

export type { QuestionPhase } from './take-flow.js';

/**
 * One question, or the practice question: reveal, think-time countdown (start early allowed),
 * recording with the clock and an automatic stop at the limit, local playback, retake while
 * retakes remain. Real takes go to the outbox slice by slice; the practice never leaves.
 *
 * This file holds the step's moves from phase to phase; where the take stands (phase, take,
 * attempts used, messages) is owned by its TakeFlow (take-flow.ts). Elsewhere: creating the take
 * before the prompt (take-preparation.ts), what a take records (take-quality.ts), after a take,
 * up to the server's receipt (take-submission.ts), the spoken reminders, and what each phase
 * shows (question-views.ts).
 */
@customElement('question-step')
@localized()
export class QuestionStep extends LitElement implements StepView {
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
  /**
   * Issue 21: the question's complete take from before (the latest submitted): one cut short
   * after it does not displace it unless the candidate chooses so.
   */
  @property({ attribute: false }) earlier: Answer | null = null;
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

  /** What the next take records: picked from the upload speed when the prompt is revealed. */
  @state() quality: Quality = FULL_QUALITY;
  /** The one owner of where the take stands; the views read `flow.state`. */
  readonly flow = new TakeFlow(this);
  /** The phase last rendered, to move focus when it changes. */
  private renderedPhase: QuestionPhase | null = null;
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
    const id = this.flow.state.answer?.id;
    return this.uploadStatus?.takes.find((t) => t.answerId === id) ?? null;
  }

  get retakesRemaining(): number {
    return retakesRemaining(this.flow.state, this.attemptsLeft, this.practice);
  }

  /** The take being created on the server waits for the connection: the prompt stays hidden. */
  get waitingForConnection(): boolean {
    return this.preparation.waitingForConnection;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.flow.state.phase !== 'intro' || this.flow.state.answer) return;
    this.flow.dispatch({ type: 'opened', earlier: this.earlier });
    const { interrupted, earlier } = this;
    if (!interrupted) return;
    if (this.uploads?.canResume(interrupted)) void resumeThinking(this, interrupted, earlier);
    else submission.settleInterrupted(this, interrupted, earlier);
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
    this.flow.dispatch({ type: 'problem', error: '' });
    if (!this.practice && !this.preparation.prepared && !(await this.prepareTake())) return;
    this.flow.dispatch({ type: 'revealed' });
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
    this.flow.dispatch({ type: 'thinking' });
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
      this.flow.dispatch({ type: 'failed-to-start', error: startErrorMessage(err) });
      return false;
    }
  }

  /** Picks what the next take records, from the upload speed, and sets the camera to it. */
  async fitQuality(): Promise<void> {
    this.flow.dispatch({ type: 'preparing' });
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
    const { phase } = this.flow.state;
    if (phase === 'starting' || phase === 'recording' || !this.stream?.active) return;
    this.thinking.stop();
    this.flow.dispatch({ type: 'starting' });
    const answer = this.preparation.take();
    try {
      this.beginTake(answer);
    } catch (err) {
      if (answer) this.preparation.giveBack(answer);
      // No countdown now (it was stopped): the candidate presses the button when ready.
      this.flow.dispatch({ type: 'failed-to-start', error: startErrorMessage(err) });
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
    this.flow.dispatch({ type: 'recording', answer });
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

  keepEarlier(): Promise<void> {
    return submission.keepEarlier(this);
  }

  keepInterrupted(): Promise<void> {
    return submission.keepInterrupted(this);
  }

  retake(): void {
    if (this.retakesRemaining <= 0) return;
    this.playback.clear();
    this.flow.dispatch({ type: 'retake' });
    void this.reveal();
  }

  next(): void {
    if (this.practice) emit(this, 'practice-done', {});
    else
      emit(this, 'question-done', {
        questionId: this.question.id,
        answerId: this.flow.state.answer?.id ?? null,
      });
  }

  override updated(): void {
    // The button just pressed may be gone: move focus to what matters in the new phase.
    const { phase } = this.flow.state;
    if (this.renderedPhase !== null && phase !== this.renderedPhase) {
      this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    this.renderedPhase = phase;
    if (phase !== 'recording') return;
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
    }[this.flow.state.phase]();
    const { error } = this.flow.state;
    return html`<h2 tabindex="-1">${title}</h2>
      ${body}
      ${error ? html`<p class="notice problem" role="alert">${error}</p>` : null}`;
  }
}
