import { localized, msg } from '@lit/localize';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CandidateSession } from '../../server/contracts/api.js';
import {
  adoptInvitationLocale,
  getLocale,
  preferredLocale,
  setLocale,
  TARGET_LOCALES,
} from '../i18n/localization.js';
import { CandidateApi, CandidateApiError } from './candidate-api.js';
import { type BrowserSupport, checkBrowserSupport } from './device/browser-support.js';
import './steps/device-check-step.js';
import { type DevicesConfirmedDetail, emit, type RecorderStep } from './events.js';
import './steps/finished-step.js';
import { MediaController } from './device/media-controller.js';
import { recorderStyles } from './interview-recorder.styles.js';
import './question/question-step.js';
import { tokenStyles } from '../design/tokens.js';
import { fitPicture } from './device/media-controller.js';
import { stepView } from './recorder-views.js';
import { chooseQuality, nextEstimate } from './recording/quality-ladder.js';
import { browserSupports, pickRecordingFormat } from './recording/recording-format.js';
import {
  firstOpenQuestion,
  hasStarted,
  type QuestionProgress,
  questionProgress,
  withWaitingTakes,
} from './session-progress.js';
import { textsLanguage, withQuestionsOf, withTextsOf } from './session-texts.js';
import { sharedStyles } from './shared.styles.js';
import { UploadController } from './upload/upload-controller.js';
import './upload/upload-status.js';
import './steps/welcome-step.js';

/**
 * The candidate's recorder, for one invitation token: welcome and consent, device check,
 * practice, each question, finish. Embeddable: `<interview-recorder token="…"
 * api-base="https://interviews.example.com">` (see docs/recorder.md for attributes and events).
 */
@customElement('interview-recorder')
@localized()
export class InterviewRecorder extends LitElement {
  static override styles = [tokenStyles, sharedStyles, recorderStyles];

  /** The secret from the invitation link. */
  @property() token = '';
  /** Origin of the interview server; empty for the server's own page. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** `en` or `fr`; by default the browser's preference (or ?lang=). */
  @property() locale = '';

  @state() step: RecorderStep = 'loading';
  @state() session: CandidateSession | null = null;
  @state() progress: QuestionProgress[] = [];
  @state() questionIndex = 0;
  @state() problem = '';
  @state() announcement = '';
  @state() uploadKbps: number | null = null;
  /** The speed check still running after the device check (resolves to the speed to use). */
  @state() uploadMeasured: Promise<number | null> | null = null;
  /** A tiny request's time at the device check: read off each upload time to get the rate. */
  roundTripMs = 0;
  /**
   * An answer's own uploads confirmed the rate: only then may the quality drop to sound only.
   * A speed check alone can read low on a busy device, and video should not be lost to that.
   */
  @state() rateConfirmed = false;
  api: CandidateApi | null = null;
  readonly media = new MediaController(this);
  readonly uploads = new UploadController(this);
  support: BrowserSupport = checkBrowserSupport();
  private finishing = false;
  /** Consent is sent to the server at most once per page. */
  private consentSent = false;
  /** The language of the organisers' texts in `session` (issue 21). */
  private textsIn = '';
  /** The last load failed for want of a connection: retry when it comes back. */
  private problemIsNetwork = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('lit-localize-status', this.onLocaleChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('lit-localize-status', this.onLocaleChanged);
  }

  private readonly onOnline = () => {
    if (this.step === 'unavailable' && this.problemIsNetwork) void this.load();
  };

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.hasUpdated) {
      const asked = TARGET_LOCALES.find((l) => l === this.locale);
      void setLocale(asked ?? (this.locale === 'en' ? 'en' : preferredLocale()));
    }
    if ((changed.has('token') || changed.has('apiBase')) && this.token) {
      this.api = new CandidateApi(this.apiBase, this.token);
      void this.load();
    }
  }

  async load(): Promise<void> {
    this.step = 'loading';
    try {
      const session = await this.api!.session(this.askedLanguage());
      await this.uploads.attach(this.api!, session);
      this.adopt(session);
      const done = session.invitation?.status === 'completed';
      this.step = done ? 'finished' : 'welcome';
    } catch (err) {
      this.fail(err);
    }
  }

  /**
   * The language the page was asked to speak (the embedding page's `locale`, else `?lang=`, which
   * the switcher writes), so the organisers' texts follow it; none: the invitation's.
   */
  private askedLanguage(): string | undefined {
    if (this.locale) return this.locale;
    return new URLSearchParams(location.search).get('lang') ?? undefined;
  }

  /** The switcher changed the language: the title, intro and prompts follow it (issue 21). */
  private readonly onLocaleChanged = (event: Event) => {
    const { status } = (event as CustomEvent<{ status: string }>).detail;
    const locale = getLocale();
    if (status !== 'ready' || !this.session || !this.api || locale === this.textsIn) return;
    this.textsIn = locale;
    void this.api
      .session(locale)
      .then((fresh) => {
        if (!this.session) return;
        this.session = withTextsOf(this.session, fresh);
        this.progress = withQuestionsOf(this.progress, this.session);
      })
      .catch(() => {
        // The texts stay in the language they were in; the next load picks the new one.
      });
  };

  private adopt(session: CandidateSession): void {
    this.session = session;
    this.textsIn = textsLanguage(session, this.askedLanguage());
    // A page that embeds the recorder with its own `locale` keeps it.
    if (!this.locale) void adoptInvitationLocale(session.invitation.language);
    // Issue 9: without a camera, the device check then asks for one instead of going on.
    this.media.videoRequired = !this.audioOnlyAllowed;
    this.progress = withWaitingTakes(questionProgress(session), (id) =>
      this.uploads.isWaitingHere(id),
    );
    this.questionIndex = firstOpenQuestion(this.progress);
  }

  private fail(err: unknown): void {
    this.problemIsNetwork = !(err instanceof CandidateApiError);
    this.problem = loadProblem(err);
    this.step = 'unavailable';
    emit(this, 'recorder-error', {
      code: (err as { code?: string }).code ?? 'internal',
      message: this.problem,
    });
  }

  get returning(): boolean {
    return this.session ? hasStarted(this.session) : false;
  }

  /** The interview accepts sound-only answers (a server that does not say allows them). */
  get audioOnlyAllowed(): boolean {
    return this.session?.interview.allowAudioOnly !== false;
  }

  get format() {
    return pickRecordingFormat(browserSupports, this.media.audioOnly);
  }

  onWelcomeAccepted(): void {
    // Consent was ticked on a first visit: the server keeps when. Best effort, once: a failure
    // (offline, a server hiccup) must never stand between the candidate and the interview.
    if (!this.returning && !this.consentSent) {
      this.consentSent = true;
      void this.api?.recordConsent().catch(() => {});
    }
    this.step = 'devices';
    if (this.media.status !== 'ready') void this.media.start();
  }

  /** The candidate asked for extra time: the server answers with the longer limits. */
  onExtraTime(request: { result?: Promise<unknown> }): void {
    request.result = this.api!.accommodations({ extraTime: true }).then((session) => {
      this.adopt(session);
      return session;
    });
  }

  onDevicesConfirmed({ uploadKbps, roundTripMs, stillMeasuring }: DevicesConfirmedDetail): void {
    this.adoptSpeed(uploadKbps, roundTripMs);
    // Gone on before the speed check ended: it goes on, and the next answer waits for it.
    if (stillMeasuring) {
      this.uploadMeasured = stillMeasuring.then((measured) => {
        if (this.uploadKbps === null) this.adoptSpeed(measured.kbps, measured.roundTripMs);
        this.uploadMeasured = null;
        return this.uploadKbps;
      });
    }
    this.step = this.returning ? this.nextQuestionStep() : 'practice';
  }

  private adoptSpeed(uploadKbps: number | null, roundTripMs: number): void {
    this.uploadKbps = uploadKbps;
    this.roundTripMs = roundTripMs;
    // Resized now, so that the camera has settled on it before the first answer starts.
    const quality = chooseQuality(uploadKbps, { audioOnlyAllowed: false });
    if (quality.kind === 'video') void fitPicture(this.media.stream, quality.shortSide);
  }

  onPracticeDone(): void {
    this.step = this.nextQuestionStep();
  }

  onQuestionDone(answerId: string | null): void {
    // Between questions, the quality follows the upload rate the last answer really achieved.
    if (answerId) {
      const achieved = this.uploads.achievedKbps(answerId, this.roundTripMs);
      this.uploadKbps = nextEstimate(this.uploadKbps, achieved);
      this.rateConfirmed ||= achieved !== null;
    }
    this.questionIndex += 1;
    this.step = this.nextQuestionStep();
  }

  private nextQuestionStep(): RecorderStep {
    if (this.questionIndex < this.progress.length) return 'question';
    this.media.release();
    return 'finishing';
  }

  /** Once every take on this device is accepted, tells the server the candidate is done. */
  private async maybeFinish(): Promise<void> {
    // Everything recorded here is on the server first: after finish it would be refused.
    const { takes, error } = this.uploads.status;
    const waiting = takes.some((t) => !t.submitted && !t.failure);
    if (error?.code === 'interview_completed') return this.finishedElsewhere();
    if (this.step !== 'finishing' || this.finishing || waiting) return;
    this.finishing = true;
    try {
      const invitation = await this.api!.finish();
      this.step = 'finished';
      emit(this, 'interview-finished', {
        invitationId: invitation.id,
        completedAt: invitation.completedAt,
      });
    } catch (err) {
      await this.afterFinishFailed(err);
    } finally {
      this.finishing = false;
    }
  }

  /** Another tab or device finished the interview: say so rather than wait for ever. */
  private finishedElsewhere(): void {
    if (this.step === 'finished') return;
    this.problem = '';
    this.step = 'finished';
  }

  private async afterFinishFailed(err: unknown): Promise<void> {
    if (err instanceof CandidateApiError && err.code === 'interview_completed') {
      return this.finishedElsewhere();
    }
    if (err instanceof CandidateApiError && err.code === 'unanswered_questions') {
      // A take did not make it (e.g. it failed processing): go back to the first open question.
      this.adopt(await this.api!.session(this.askedLanguage()));
      await this.media.start();
      this.step = 'question';
      return;
    }
    // Shown while it retries: a lost connection, a server hiccup.
    this.problem = loadProblem(err);
    setTimeout(() => void this.maybeFinish(), 5000);
  }

  say(message: string): void {
    // Cleared first so that the same sentence twice is read twice.
    this.announcement = '';
    setTimeout(() => {
      this.announcement = message;
    }, 50);
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('step') || changed.has('questionIndex')) {
      void this.stepChanged(changed.get('step'));
    }
    if (this.step === 'finishing' || this.uploads.status.error) void this.maybeFinish();
  }

  private async stepChanged(previous: RecorderStep | undefined): Promise<void> {
    emit(this, 'step-change', {
      step: this.step,
      questionIndex: this.step === 'question' ? this.questionIndex : undefined,
      questionCount: this.progress.length,
      feedbackReleased: this.session?.invitation?.feedbackReleased === true,
    });
    if (previous === undefined || previous === 'loading') return;
    // Focus follows the flow, so keyboard and screen-reader users start at the new heading.
    const child = this.renderRoot.querySelector('[data-step]') as
      | (LitElement & { focusHeading?(): void })
      | null;
    await child?.updateComplete;
    child?.focusHeading?.();
  }

  override render() {
    return html`
      ${stepView(this)}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }
}

function loadProblem(err: unknown): string {
  if (!(err instanceof CandidateApiError)) {
    return msg(
      'We cannot reach the interview server. Check your connection; this page retries by itself when it returns.',
      { id: 'cand.load.offline' },
    );
  }
  if (err.status === 410) return msg('This interview has closed.', { id: 'cand.load.closed' });
  if (err.status === 401 || err.status === 404) {
    return msg('This link is not valid. Please use the link from your invitation email.', {
      id: 'cand.load.invalid',
    });
  }
  return err.message;
}

declare global {
  interface HTMLElementTagNameMap {
    'interview-recorder': InterviewRecorder;
  }
}
