import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type {
  AnswerStatus,
  Interview,
  InvitationStatus,
  QueueItem,
} from '../../../server/contracts/api.js';
import { LiveController } from '../live/live-controller.js';
import { baseStyles } from '../shared/base.styles.js';
import { formatDateTime } from '../shared/format.js';
import { Loader } from '../shared/loader.js';
import { setPageTitle } from '../shared/page-title.js';
import { queueView, StatusDigest } from './queue-view.js';
import { candidateLabel, reviewSettingsOf } from './review-terms.js';
import '../shared/processing-progress.js';
import { href, navigate } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { reviewQueueStyles } from './review-queue.styles.js';

/** A burst of events (a candidate finishing several answers) causes one reload, not ten. */
const RELOAD_DELAY_MS = 300;
const PAGE_SIZE = 20;

/**
 * Candidates to review, those waiting for my ratings first (the server's order). New
 * completions and answers turning ready appear live.
 */
@localized()
@customElement('ws-review-queue')
export class ReviewQueue extends LitElement {
  static override styles = [baseStyles, reviewQueueStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @property() status: InvitationStatus = 'completed';
  @state() private interviews: Interview[] = [];
  @state() private announcement = '';
  @state() private search = '';
  @state() private onlyMine = false;
  @state() private shown = PAGE_SIZE;
  /** Many answers turning ready at once make one sentence, not one per answer. */
  private readonly digest = new StatusDigest((text) => {
    this.announcement = text;
  });
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly queue = new Loader(this, () =>
    this.ctx.api.queue({ interviewId: this.interviewId || undefined, status: this.status }),
  );
  private readonly live = new LiveController(this, () => this.ctx.live, {
    'invitation-status': () => this.reloadSoon(),
    'answer-status': (event) => this.applyAnswerStatus(event.detail),
    // The bars move without a request: the feed keeps the percent, the rows only re-render.
    'answer-progress': (event) => {
      if (this.find(event.detail.answerId)) this.requestUpdate();
    },
    resync: () => this.reloadSoon(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.ctx.api.interviews().then(
      (items) => {
        this.interviews = items;
      },
      () => {},
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.reloadTimer);
    this.digest.cancel();
  }

  protected override updated(): void {
    const title = this.interviews.find((i) => i.id === this.interviewId)?.title;
    setPageTitle(msg('Review queue', { id: 'ws.queue.title' }), title);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId') || changed.has('status')) void this.queue.reload();
  }

  private find(answerId: string) {
    for (const item of this.queue.value ?? []) {
      const answer = item.answers.find((a) => a.id === answerId);
      if (answer) return { item, answer };
    }
    return undefined;
  }

  /** Shown at once (with a word for screen readers); the reload that follows brings the rest. */
  private applyAnswerStatus(event: {
    answerId: string;
    invitationId: string;
    status: AnswerStatus;
  }) {
    const items = this.queue.value;
    if (!items?.some((i) => i.invitationId === event.invitationId)) return;
    const found = this.find(event.answerId);
    if (found && found.answer.status === 'processing' && event.status !== 'processing') {
      if (event.status === 'ready' || event.status === 'failed') this.digest.add(event.status);
      this.queue.set(
        items.map((item) =>
          item === found.item
            ? {
                ...item,
                answers: item.answers.map((a) =>
                  a.id === event.answerId ? { ...a, status: event.status } : a,
                ),
              }
            : item,
        ),
      );
    }
    this.reloadSoon();
  }

  /** The question's number in its interview, once the interviews are loaded. */
  private questionNumber(item: QueueItem, questionId: string): number | null {
    const questions = this.interviews.find((i) => i.id === item.interviewId)?.questions;
    const index = questions?.findIndex((q) => q.id === questionId) ?? -1;
    return index < 0 ? null : index + 1;
  }

  /** "Lovelace, Ada, question 2": whose answer, to a screen reader outside the row. */
  private subject(item: QueueItem, questionId: string): string {
    const name = candidateLabel(item.candidate);
    const number = this.questionNumber(item, questionId);
    return number === null
      ? name
      : msg(str`${name}, question ${number}`, { id: 'ws.queue.subject' });
  }

  private reloadSoon() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(async () => {
      const before = this.queue.value?.length ?? 0;
      await this.queue.reload();
      const added = (this.queue.value?.length ?? 0) - before;
      if (added > 0)
        this.announcement = msg(str`${added} new candidate(s) to review.`, {
          id: 'ws.queue.added',
        });
    }, RELOAD_DELAY_MS);
  }

  private filter(change: { interviewId?: string; status?: InvitationStatus }) {
    navigate(href.queue({ interviewId: this.interviewId, status: this.status, ...change }));
  }

  override render() {
    return html`
      <h1>${msg('Review queue', { id: 'ws.queue.title' })}</h1>
      <div class="filters">
        <div class="field">
          <label for="interview">${msg('Interview', { id: 'ws.queue.interview' })}</label>
          <select id="interview" @change=${(e: Event) => this.filter({ interviewId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.interviewId}>${msg('All interviews', { id: 'ws.queue.all' })}</option>
            ${this.interviews.map((i) => html`<option value=${i.id} ?selected=${i.id === this.interviewId}>${i.title}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="status">${msg('Candidates who have', { id: 'ws.queue.status' })}</label>
          <select id="status" @change=${(e: Event) => this.filter({ status: (e.target as HTMLSelectElement).value as InvitationStatus })}>
            <option value="completed" ?selected=${this.status === 'completed'}>${msg('completed the interview', { id: 'ws.queue.completed' })}</option>
            <option value="started" ?selected=${this.status === 'started'}>${msg('started, not finished', { id: 'ws.queue.started' })}</option>
          </select>
        </div>
      </div>
      <div class="filters">
        <div class="field">
          <label for="search">${msg('Search', { id: 'ws.queue.search' })}</label>
          <input id="search" type="search" .value=${this.search} @input=${(e: Event) => {
            this.search = (e.target as HTMLInputElement).value;
            this.shown = PAGE_SIZE;
          }} />
        </div>
        <div class="check">
          <input id="only-mine" type="checkbox" .checked=${this.onlyMine} @change=${(e: Event) => {
            this.onlyMine = (e.target as HTMLInputElement).checked;
            this.shown = PAGE_SIZE;
          }} />
          <label for="only-mine">${msg('Not rated by me', { id: 'ws.queue.notRated' })}</label>
        </div>
      </div>
      ${this.renderByQuestionLink()}
      <p role="status" class="hint">${this.announcement}</p>
      ${this.queue.render((items) => this.renderList(items))}
    `;
  }

  private renderByQuestionLink() {
    const interview = this.interviews.find((i) => i.id === this.interviewId);
    if (!interview) return nothing;
    return html`<p><a class="button" href=${href.byQuestion(interview.id)}>${msg('Review question by question', { id: 'ws.queue.byQuestion' })}</a></p>`;
  }

  private renderList(all: QueueItem[]) {
    if (!all.length)
      return html`<p>${msg('Nobody to review yet. Completed interviews appear here as they come in.', { id: 'ws.queue.empty' })}</p>`;
    const view = queueView(all, { search: this.search, onlyMine: this.onlyMine });
    const page = view.items.slice(0, this.shown);
    return html`<p class="counts"><strong>${msg(str`${view.waiting} waiting for you`, { id: 'ws.queue.waitingCount' })}</strong>
        · ${msg(str`${all.length} candidate(s) in all`, { id: 'ws.queue.total' })}
        ${view.items.length !== all.length ? html` · ${msg(str`${view.items.length} shown`, { id: 'ws.queue.shown' })}` : nothing}</p>
      <ul class="plain">${page.map((i) => this.renderItem(i))}</ul>
      ${
        view.items.length > this.shown
          ? html`<button type="button" @click=${() => {
              this.shown += PAGE_SIZE;
            }}>${msg(str`Show ${Math.min(PAGE_SIZE, view.items.length - this.shown)} more`, { id: 'ws.results.more' })}</button>`
          : nothing
      }`;
  }

  private renderItem(item: QueueItem) {
    const title = this.interviews.find((i) => i.id === item.interviewId)?.title ?? '';
    const processing = item.answers.filter((a) => a.status === 'processing');
    const answers = item.answers.length;
    return html`<li class="card" data-invitation=${item.invitationId}>
      ${this.renderThumbnail(item)}
      <div>
        <h2><a href=${href.review(item.invitationId, this.status)}>${candidateLabel(item.candidate)}</a></h2>
        <p class="meta">${title}${item.completedAt ? html` · ${msg(str`completed ${formatDateTime(item.completedAt)}`, { id: 'ws.queue.completedAt' })}` : nothing}</p>
        <p class="meta">${msg(str`${answers} answer(s)`, { id: 'ws.queue.answers' })}
          · ${this.ratingsText(item)}</p>
        ${
          processing.length
            ? html`<ul class="plain processing">${repeat(
                processing,
                (a) => a.id,
                (a) => this.renderProcessing(item, a),
              )}</ul>`
            : nothing
        }
      </div>
      <p class="mine">${
        item.myRated
          ? html`<span aria-hidden="true">✓ </span>${msg('Rated by you', { id: 'ws.queue.rated' })}`
          : html`<span aria-hidden="true">○ </span>${msg('Waiting for your rating', { id: 'ws.queue.waiting' })}`
      }</p>
    </li>`;
  }

  /**
   * What I may know of the ratings. Sealed ratings are left out of the count (API.md, "Sealed
   * ratings"), so until I have rated, a count would read "0" while colleagues have rated: say
   * that they are hidden instead, without a number that would hint at them.
   */
  private ratingsText(item: QueueItem) {
    if (item.myRated)
      return msg(str`${item.ratingCount} rating(s) in all`, { id: 'ws.queue.ratings' });
    if (item.ratingCount === 0)
      return msg('Colleagues’ ratings stay hidden until you rate', { id: 'ws.queue.sealed' });
    return msg(
      str`${item.ratingCount} rating(s) you can see; any others stay hidden until you rate`,
      {
        id: 'ws.queue.partlySealed',
      },
    );
  }

  /** A still of the first answer; not while audio first holds the picture back from me. */
  private renderThumbnail(item: QueueItem) {
    const interview = this.interviews.find((i) => i.id === item.interviewId);
    const hidden = reviewSettingsOf(interview as Interview).hideVideoUntilRated;
    const poster = item.answers.find((a) => a.status === 'ready' && a.posterUrl)?.posterUrl;
    if (!poster || (hidden && !item.myRated))
      return html`<span class="thumb" aria-hidden="true"></span>`;
    return html`<img class="thumb" src=${poster} alt="" loading="lazy" width="96" height="54" />`;
  }

  private renderProcessing(item: QueueItem, answer: QueueItem['answers'][number]) {
    const number = this.questionNumber(item, answer.questionId);
    const subject = this.subject(item, answer.questionId);
    return html`<li data-answer=${answer.id}>
      ${number === null ? nothing : html`<span class="question" aria-hidden="true">${msg(str`Q${number}`, { id: 'ws.queue.q' })}</span>`}
      <ws-processing-progress compact .percent=${this.ctx.live.progressOf(answer.id)}
        label=${msg(str`Preparing video of ${subject}`, { id: 'ws.queue.progressLabel' })}></ws-processing-progress>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-review-queue': ReviewQueue;
  }
}
