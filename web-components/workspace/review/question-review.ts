import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { InterviewQuestion } from '../../../server/contracts/api.js';
import type { ByQuestionItem } from '../../../server/contracts/review.js';
import type { WorkspaceEvent } from '../events.js';
import './answer-player.js';
import type { AnswerPlayer } from './answer-player.js';
import { candidateReviewStyles } from './candidate-review.styles.js';
import { PlayerKeysController } from './player-keys.js';
import { questionBrief, questionBriefStyles } from './question-brief.js';
import { questionDone, reviewDoneStyles } from './review-done.js';
import './rating-form.js';
import { baseStyles } from '../shared/base.styles.js';
import { setPageTitle } from '../shared/page-title.js';
import { href } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import type { RatingForm } from './rating-form.js';
import './colleague-scores.js';
import './question-picker.js';
import { questionReviewStyles } from './question-review.styles.js';
import { QuestionReviewData } from './question-review-data.js';
import { candidateLabel, reviewSettingsOf } from './review-terms.js';

/**
 * Question by question: every candidate's answer to one question, in an order of my own, with
 * the question, its guidance and its anchored scores beside the player. "Next" plays the next
 * answer at once (its media is already loading). Without a question, the questions to pick from.
 */
@localized()
@customElement('ws-question-review')
export class QuestionReview extends LitElement {
  static override styles = [
    baseStyles,
    candidateReviewStyles,
    questionBriefStyles,
    reviewDoneStyles,
    questionReviewStyles,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @property() questionId = '';
  @state() private index = 0;
  /** Set by a move: the next answer starts playing as soon as it can. */
  @state() private autoplay = false;
  @state() private announcement = '';
  /** Once this question is all rated: the next one waiting for me; null: none; undefined: unknown. */
  @state() private nextWaiting: InterviewQuestion | null | undefined = undefined;
  #lookingForNext = false;
  @query('ws-rating-form') private ratingForm?: RatingForm;
  @query('ws-answer-player') private player?: AnswerPlayer;
  private readonly data = new QuestionReviewData(this, () => this.ctx);
  protected readonly keys = new PlayerKeysController(this, {
    togglePlay: () => this.player?.togglePlay(),
    seekBy: (seconds) => this.player?.seekBy(seconds),
    step: (direction) => this.step(direction),
    score: (score) => this.ratingForm?.setScore(score),
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId') || changed.has('questionId')) void this.load();
  }

  private async load() {
    this.index = 0;
    this.autoplay = false;
    this.announcement = '';
    this.nextWaiting = undefined;
    this.#lookingForNext = false;
    await this.data.load(this.interviewId, this.questionId);
    // Start where my work is: the server puts the answers I have not rated first.
    this.index = Math.max(
      0,
      this.data.items.findIndex((i) => i.myScore === null && i.status !== 'failed'),
    );
  }

  protected override updated(): void {
    // A view left behind (its data may still arrive) must not rename the screen that replaced it.
    if (!this.isConnected) return;
    const { items, question, interview } = this.data;
    const current = items[this.index];
    this.data.ensure(current, true);
    this.data.ensure(items[this.index + 1], false);
    this.lookForNextWhenDone();
    const number = question && interview ? interview.questions.indexOf(question) + 1 : 0;
    if (!this.questionId || !interview)
      setPageTitle(msg('Review by question', { id: 'ws.byq.pickTitle' }), interview?.title);
    else
      setPageTitle(
        current ? candidateLabel(current.candidate) : null,
        msg(str`Question ${number}`, { id: 'ws.byq.titleQuestion' }),
        interview.title,
      );
  }

  /** The last rating of this question asks, once, where my work goes on. */
  private lookForNextWhenDone() {
    const { rated, total } = this.data.progress();
    if (this.#lookingForNext || total === 0 || rated < total) return;
    this.#lookingForNext = true;
    const questionId = this.questionId;
    void this.data.nextWaitingQuestion().then(
      (next) => {
        if (questionId === this.questionId) this.nextWaiting = next;
      },
      () => {},
    );
  }

  private step(direction: -1 | 1) {
    const next = this.index + direction;
    if (next < 0 || next >= this.data.items.length) {
      if (direction === 1)
        this.announcement = msg('That was the last answer to this question.', {
          id: 'ws.byq.last',
        });
      return;
    }
    this.index = next;
    this.autoplay = true;
    const item = this.data.items[next]!;
    this.announcement = msg(
      str`Answer ${next + 1} of ${this.data.items.length}: ${candidateLabel(item.candidate)}`,
      { id: 'ws.byq.moved' },
    );
  }

  override render() {
    const { interview, question, error } = this.data;
    if (error) return html`<p class="error" role="alert">${error}</p>`;
    if (!interview)
      return html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'ws.loading' })}</p>`;
    if (!this.questionId || !question)
      return html`<ws-question-picker .ctx=${this.ctx} .interview=${interview}></ws-question-picker>`;
    const number = interview.questions.indexOf(question) + 1;
    const items = this.data.items;
    const { rated, total } = this.data.progress();
    const item = items[this.index];
    return html`
      <header>
        <div>
          <h1>${msg(str`Question ${number} of ${interview.questions.length}`, { id: 'ws.byq.heading' })}</h1>
          <p><a href=${href.byQuestion(interview.id)}>${interview.title}</a></p>
        </div>
        <p class="progress">${msg(str`${rated} of ${total} rated by you`, { id: 'ws.byq.progress' })}</p>
      </header>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${items.length === 0 ? html`<p>${msg('No candidate has answered this question yet.', { id: 'ws.byq.empty' })}</p>` : nothing}
      ${item ? this.renderAnswer(item, number) : nothing}
    `;
  }

  private renderAnswer(item: ByQuestionItem, number: number) {
    const question = this.data.question!;
    const interview = this.data.interview!;
    const settings = reviewSettingsOf(interview);
    const label = candidateLabel(item.candidate);
    const mine = this.data.mine(item.answerId);
    const count = this.data.items.length;
    return html`<div class="stage">
      <div class="player">
        <p class="who">${msg(str`Answer ${this.index + 1} of ${count}: ${label}`, { id: 'ws.byq.answerOf' })}</p>
        ${this.renderMedia(item, number, label)}
        <div class="row moves">
          <button type="button" ?disabled=${this.index === 0} @click=${() => this.step(-1)}>← ${msg('Previous', { id: 'ws.byq.previous' })}</button>
          <button type="button" class=${item.myScore !== null ? 'primary' : ''} ?disabled=${this.index >= count - 1}
            @click=${() => this.step(1)}>${msg('Next answer', { id: 'ws.byq.next' })} →</button>
        </div>
      </div>
      ${questionBrief({ heading: msg('The question', { id: 'ws.byq.question' }), question, interview })}
      <div class="rating">
        <ws-rating-form .answerId=${item.answerId} .rating=${mine} .anchors=${question.anchors ?? null}
          ?evidenceRequired=${settings.evidenceRequired} ?disabled=${item.status !== 'ready'}
          .save=${(answerId: string, rating: { score: number; comment: string }) => this.data.api.rate(answerId, rating)}
          @ws-rating-saved=${(e: WorkspaceEvent<'ws-rating-saved'>) => this.data.recordRating(e.detail.rating)}></ws-rating-form>
        <div role="status">${this.isDone() ? questionDone(interview, this.nextWaiting) : nothing}</div>
        <ws-colleague-scores .ratings=${this.data.ratings.get(item.answerId) ?? []} myId=${this.ctx.user.id}></ws-colleague-scores>
      </div>
    </div>`;
  }

  private isDone(): boolean {
    const { rated, total } = this.data.progress();
    return total > 0 && rated === total;
  }

  private renderMedia(item: ByQuestionItem, number: number, label: string) {
    if (item.status === 'failed')
      return html`<div class="waiting"><p>${msg('This recording could not be converted into a playable video.', { id: 'ws.review.failed' })}</p></div>`;
    if (item.status !== 'ready')
      return html`<div class="waiting"><p>${msg('The video is being prepared. It will play here as soon as it is ready.', { id: 'ws.review.processing' })}</p></div>`;
    const detail = this.data.details.get(item.answerId);
    const src = detail?.videoUrl ?? detail?.audioUrl ?? null;
    if (!detail || !src)
      return html`<div class="waiting"><progress aria-labelledby="loading-media"></progress>
        <p id="loading-media">${msg('Loading the video…', { id: 'ws.review.loadingVideo' })}</p></div>`;
    const next = this.data.items[this.index + 1];
    const nextDetail = next ? this.data.details.get(next.answerId) : undefined;
    return html`<ws-answer-player .src=${src} .poster=${detail.posterUrl} ?audioOnly=${!detail.videoUrl}
      ?autoplay=${this.autoplay} .keyboard=${false}
      .preloadSrc=${nextDetail ? (nextDetail.videoUrl ?? nextDetail.audioUrl ?? null) : null}
      label=${msg(str`Answer of ${label} to question ${number}`, { id: 'ws.byq.mediaLabel' })}
      .renewSource=${async () => {
        const fresh = await this.data.refreshAnswer(item.answerId);
        return { videoUrl: fresh.videoUrl ?? fresh.audioUrl ?? null, posterUrl: fresh.posterUrl };
      }}></ws-answer-player>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-question-review': QuestionReview;
  }
}
