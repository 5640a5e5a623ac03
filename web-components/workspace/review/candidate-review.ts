import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type {
  AnswerForReview,
  AnswerStatus,
  Interview,
  InvitationStatus,
} from '../../../server/contracts/api.js';
import type { WorkspaceEvent } from '../events.js';
import { LiveController } from '../live/live-controller.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { href, navigate } from '../shell/routes.js';
import '../shared/processing-progress.js';
import '../shared/status-badge.js';
import { canOrganise, type WorkspaceContext } from '../workspace-context.js';
import './answer-player.js';
import type { AnswerPlayer } from './answer-player.js';
import { candidateReviewStyles } from './candidate-review.styles.js';
import { PlayerKeysController } from './player-keys.js';
import { questionBrief, questionBriefStyles } from './question-brief.js';
import { candidateDone, reviewDoneStyles } from './review-done.js';
import './rating-form.js';
import { setPageTitle } from '../shared/page-title.js';
import type { RatingForm } from './rating-form.js';
import { CandidateReviewData, type ReviewSlot } from './review-data.js';
import './colleague-scores.js';
import './shares-panel.js';
import { candidateLabel, reviewSettingsOf } from './review-terms.js';

/** One candidate's answers in question order, the prompt beside the video, and my ratings. */
@localized()
@customElement('ws-candidate-review')
export class CandidateReview extends LitElement {
  static override styles = [
    baseStyles,
    candidateReviewStyles,
    questionBriefStyles,
    reviewDoneStyles,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() invitationId = '';
  @property() status: InvitationStatus = 'completed';
  @state() private selected = 0;
  @state() private nextMessage = '';
  /** Said politely when a video this page waits for is ready (or will never be). */
  @state() private videoMessage = '';
  /** Once this candidate is all rated: how many others wait for me (undefined: not known yet). */
  @state() private othersWaiting: number | undefined = undefined;
  #countingOthers = false;
  @query('ws-rating-form') private ratingForm?: RatingForm;
  @query('ws-answer-player') private player?: AnswerPlayer;
  private readonly data = new CandidateReviewData(this, () => this.ctx);
  private readonly live = new LiveController(this, () => this.ctx.live, {
    'answer-status': (event) => this.applyAnswerStatus(event.detail.answerId, event.detail.status),
    // The feed keeps the percent; the page only has to show it again.
    'answer-progress': (event) => {
      if (this.data.slots.some((s) => s.answer?.id === event.detail.answerId)) this.requestUpdate();
    },
    resync: () => void this.data.load(this.invitationId, this.status),
  });
  // The page owns the keys, so J/K and 1–5 work even while an answer is still processing.
  protected readonly keys = new PlayerKeysController(this, {
    togglePlay: () => this.player?.togglePlay(),
    seekBy: (seconds) => this.player?.seekBy(seconds),
    step: (direction) => this.step(direction),
    score: (score) => this.ratingForm?.setScore(score),
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('invitationId') || changed.has('status')) void this.loadCandidate();
  }

  private applyAnswerStatus(answerId: string, status: AnswerStatus) {
    const slot = this.data.slots.find((s) => s.answer?.id === answerId);
    if (slot?.answer?.status === 'processing') {
      const number = slot.number;
      if (status === 'ready')
        this.videoMessage = msg(str`The video for question ${number} is ready.`, {
          id: 'ws.review.videoReady',
        });
      if (status === 'failed')
        this.videoMessage = msg(str`The video for question ${number} could not be prepared.`, {
          id: 'ws.review.videoFailed',
        });
    }
    this.data.applyAnswerStatus(answerId, status);
  }

  private async loadCandidate() {
    this.selected = 0;
    this.nextMessage = '';
    this.videoMessage = '';
    this.othersWaiting = undefined;
    this.#countingOthers = false;
    await this.data.load(this.invitationId, this.status);
    // Start where my work is: the first answer I have not rated.
    const first = this.data.slots.findIndex((s) => s.answer && !this.data.mine.has(s.answer.id));
    this.selected = Math.max(0, first);
  }

  protected override updated(): void {
    const { item, interview } = this.data;
    setPageTitle(
      item ? candidateLabel(item.candidate) : null,
      msg('Review', { id: 'ws.nav.review' }),
      interview?.title,
    );
    const slots = this.data.slots;
    this.data.ensureDetail(slots[this.selected]?.answer?.id);
    this.data.ensureDetail(slots[this.selected + 1]?.answer?.id);
    this.countOthersWhenDone();
  }

  /** The last rating of this candidate asks, once, whether anyone else waits for me. */
  private countOthersWhenDone() {
    if (this.#countingOthers || !this.isDone()) return;
    this.#countingOthers = true;
    const invitationId = this.invitationId;
    const interviewId = this.data.item?.interviewId;
    void this.ctx.api.queue({ interviewId, status: this.status }).then(
      (queue) => {
        if (invitationId !== this.invitationId) return;
        this.othersWaiting = queue.filter(
          (i) => !i.myRated && i.invitationId !== invitationId,
        ).length;
      },
      () => {},
    );
  }

  private isDone(): boolean {
    const { rated, total } = this.data.progress();
    return total > 0 && rated === total;
  }

  private step(direction: -1 | 1) {
    const next = this.selected + direction;
    if (next >= 0 && next < this.data.slots.length) this.selected = next;
  }

  private async nextCandidate() {
    const interviewId = this.data.item?.interviewId;
    this.nextMessage = '';
    try {
      const queue = await this.ctx.api.queue({ interviewId, status: this.status });
      const next = queue.find((i) => !i.myRated && i.invitationId !== this.invitationId);
      if (next) navigate(href.review(next.invitationId, this.status));
      else
        this.nextMessage = msg('Nobody else is waiting for your ratings in this interview.', {
          id: 'ws.review.noNext',
        });
    } catch (err) {
      this.nextMessage = errorText(err);
    }
  }

  override render() {
    const { item, interview, error } = this.data;
    if (error === 'not-in-queue') {
      return html`<h1>${msg('Candidate not found', { id: 'ws.review.missingTitle' })}</h1>
        <p>${msg('This candidate is not in the review queue (they may not have finished yet).', { id: 'ws.review.missing' })}</p>
        <a href=${href.queue()}>${msg('Back to the queue', { id: 'ws.review.back' })}</a>`;
    }
    if (error) return html`<p class="error" role="alert">${error}</p>`;
    if (!item || !interview)
      return html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'ws.loading' })}</p>`;
    const { rated, total } = this.data.progress();
    const slot = this.data.slots[this.selected];
    return html`
      <header>
        <div>
          <h1>${candidateLabel(item.candidate)}</h1>
          <p><a href=${href.interview(interview.id)}>${interview.title}</a></p>
        </div>
        <p class="progress" role="status">${msg(str`${rated} of ${total} rated`, { id: 'ws.review.progress' })}</p>
        <button type="button" class=${rated === total && this.othersWaiting !== 0 ? 'primary' : ''} @click=${this.nextCandidate}>${msg('Next candidate', { id: 'ws.review.next' })} →</button>
      </header>
      ${this.nextMessage ? html`<p role="status">${this.nextMessage} <a href=${href.queue({ interviewId: interview.id })}>${msg('Back to the queue', { id: 'ws.review.back' })}</a></p>` : nothing}
      <p class="visually-hidden" role="status">${this.videoMessage}</p>
      ${this.renderAnswerNav()}
      ${slot ? this.renderSlot(slot) : nothing}
      ${canOrganise(this.ctx.user) && this.status === 'completed' ? this.renderShares(item.candidate.label) : nothing}
    `;
  }

  /** Organisers share a finished candidate with a hiring manager who has no account. */
  private renderShares(label: string) {
    const questionOf = (answerId: string) => {
      const number = this.data.slots.find((s) => s.answer?.id === answerId)?.number;
      return number ? msg(str`Question ${number}`, { id: 'ws.shares.question' }) : '';
    };
    return html`<ws-shares-panel class="shares" .ctx=${this.ctx} invitationId=${this.invitationId}
      candidateLabel=${label} .questionOf=${questionOf}></ws-shares-panel>`;
  }

  private renderAnswerNav() {
    return html`<nav aria-label=${msg('Answers', { id: 'ws.review.answers' })}><ol>
      ${this.data.slots.map((slot, index) => {
        const rating = slot.answer ? this.data.mine.get(slot.answer.id) : undefined;
        const state = rating
          ? msg(str`rated ${rating.score}`, { id: 'ws.review.navRated' })
          : msg('not rated', { id: 'ws.review.navUnrated' });
        return html`<li><button type="button" aria-current=${index === this.selected ? 'true' : 'false'}
          @click=${() => {
            this.selected = index;
          }}>
          ${msg(str`Q${slot.number}`, { id: 'ws.review.navQ' })}
          <span aria-hidden="true">${rating ? '✓' : '○'}</span><span class="visually-hidden">${state}</span>
        </button></li>`;
      })}
    </ol></nav>`;
  }

  private renderSlot(slot: ReviewSlot) {
    const answer = slot.answer;
    const count = this.data.slots.length;
    return html`<div class="stage">
        <div class="player">${this.renderMedia(slot)}</div>
        ${questionBrief({
          heading: msg(str`Question ${slot.number} of ${count}`, { id: 'ws.review.questionOf' }),
          question: slot.question,
          interview: this.data.interview as Interview,
          extra: answer
            ? html`<ws-status-badge status=${answer.status}></ws-status-badge>`
            : nothing,
        })}
        <div class="rating">
        <ws-rating-form .answerId=${answer?.id ?? ''} .rating=${answer ? (this.data.mine.get(answer.id) ?? null) : null}
          .anchors=${slot.question.anchors ?? null}
          ?evidenceRequired=${reviewSettingsOf(this.data.interview as Interview).evidenceRequired}
          ?disabled=${answer?.status !== 'ready'}
          .save=${(answerId: string, rating: { score: number; comment: string }) => this.ctx.api.rate(answerId, rating)}
          @ws-rating-saved=${(e: WorkspaceEvent<'ws-rating-saved'>) => this.data.recordRating(e.detail.rating)}></ws-rating-form>
        <div role="status">${this.isDone() ? candidateDone(this.data.item?.interviewId ?? '', this.othersWaiting, () => void this.nextCandidate()) : nothing}</div>
        <ws-colleague-scores .ratings=${(answer && this.data.all.get(answer.id)) ?? []} myId=${this.ctx.user.id}></ws-colleague-scores>
        </div>
      </div>`;
  }

  private renderMedia(slot: ReviewSlot) {
    const answer = slot.answer;
    if (!answer)
      return html`<div class="waiting"><p>${msg('No answer was recorded for this question.', { id: 'ws.review.none' })}</p></div>`;
    if (answer.status === 'failed') {
      return html`<div class="waiting"><p>${msg('This recording could not be converted into a playable video.', { id: 'ws.review.failed' })}</p></div>`;
    }
    if (answer.status !== 'ready') {
      // Not a live region itself: the bar says its progress politely, every quarter at most.
      // One bar per answer: another answer's percent must not sound like this one's progress.
      return html`<div class="waiting">
        ${keyed(answer.id, html`<ws-processing-progress .percent=${this.ctx.live.progressOf(answer.id)}></ws-processing-progress>`)}
        <p>${msg('The video is being prepared. It will play here as soon as it is ready.', { id: 'ws.review.processing' })}</p>
      </div>`;
    }
    const detail = this.data.details.get(answer.id) as
      | (AnswerForReview & { audioUrl?: string | null })
      | undefined;
    const src = detail?.videoUrl ?? detail?.audioUrl ?? null;
    if (!detail || !src) {
      return html`<div class="waiting">
        <progress aria-labelledby="loading-video"></progress>
        <p id="loading-video">${msg('Loading the video…', { id: 'ws.review.loadingVideo' })}</p>
      </div>`;
    }
    const next = this.data.slots[this.selected + 1]?.answer;
    return html`<ws-answer-player .src=${src} .poster=${detail.posterUrl} ?audioOnly=${!detail.videoUrl}
      .preloadSrc=${next ? (this.data.details.get(next.id)?.videoUrl ?? null) : null}
      label=${msg(str`Answer to question ${slot.number}`, { id: 'ws.review.videoLabel' })}
      .renewSource=${() => this.data.refreshAnswer(answer.id)} .keyboard=${false}></ws-answer-player>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-candidate-review': CandidateReview;
  }
}
