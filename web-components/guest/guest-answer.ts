import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Competency } from '../../server/contracts/review.js';
import type { GuestAnswer, GuestRating } from '../../server/contracts/sharing.js';
import { GuestProblem } from './guest-api.js';
import './guest-player.js';
import { guestStyles } from './guest.styles.js';

const SCORES = ['1', '2', '3', '4', '5'] as const;

export type SaveGuestRating = (answerId: string, rating: GuestRating) => Promise<GuestRating>;

/**
 * One question of the shared interview: the video first (the reason for coming), then what the
 * question asked, what to look for, and (when the link allows it) a score from 1 to 5 whose
 * every choice says what such an answer looks like, with an optional comment.
 */
@localized()
@customElement('guest-answer')
export class GuestAnswerView extends LitElement {
  static override styles = guestStyles;

  @property({ attribute: false }) answer!: GuestAnswer;
  @property({ type: Number }) number = 1;
  @property({ type: Number }) count = 1;
  @property({ attribute: false }) competencies: Competency[] = [];
  @property({ type: Boolean }) allowRating = false;
  /** What this person saved before on this page, if anything. */
  @property({ attribute: false }) saved: GuestRating | null = null;
  @property({ attribute: false }) save?: SaveGuestRating;
  @state() private score = 0;
  @state() private comment = '';
  @state() private busy = false;
  @state() private status = '';
  @state() private problem = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('answer')) {
      this.score = this.saved?.score ?? 0;
      this.comment = this.saved?.comment ?? '';
      this.status = '';
      this.problem = '';
    }
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.score) {
      this.problem = msg('Choose a score from 1 to 5 first.', { id: 'guest.needScore' });
      return;
    }
    this.busy = true;
    this.problem = '';
    this.status = '';
    try {
      await this.save?.(this.answer.answerId, { score: this.score, comment: this.comment });
      this.status = msg(str`Saved: ${this.score} out of 5.`, { id: 'guest.saved' });
    } catch (err) {
      this.problem =
        err instanceof GuestProblem && err.status === 403
          ? msg('This link does not let you rate.', { id: 'guest.rateRefused' })
          : err instanceof GuestProblem && err.status !== 404
            ? err.message ||
              msg('Your rating was not saved. Please try again.', { id: 'guest.notSaved' })
            : msg('Your rating was not saved. Please try again.', { id: 'guest.notSaved' });
      if (err instanceof GuestProblem && err.status === 404)
        this.dispatchEvent(new CustomEvent('guest-gone', { bubbles: true, composed: true }));
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { question, videoUrl, posterUrl } = this.answer;
    const competency = this.competencies.find((c) => c.key === question.competency);
    return html`<article aria-labelledby="q-title">
      <h2 id="q-title" tabindex="-1">${msg(str`Question ${this.number} of ${this.count}`, { id: 'guest.questionOf' })}</h2>
      <p class="prompt">${question.prompt}</p>
      <div class="body">
        <div class="media">${
          videoUrl
            ? html`<guest-player .src=${videoUrl} .poster=${posterUrl}
                label=${msg(str`Answer to question ${this.number}`, { id: 'guest.videoLabel' })}></guest-player>`
            : html`<p class="notice">${msg('No video for this answer.', { id: 'guest.noVideo' })}</p>`
        }</div>
        <div class="side">
          ${competency || question.competency ? html`<p><strong>${msg('Competency:', { id: 'guest.competency' })}</strong> ${competency?.name ?? question.competency}</p>` : nothing}
          ${
            question.guidance
              ? html`<h3>${msg('What to look for', { id: 'guest.guidance' })}</h3>
            <p class="guidance">${question.guidance}</p>`
              : nothing
          }
          ${this.allowRating ? this.renderRating() : this.renderAnchors()}
        </div>
      </div>
    </article>`;
  }

  /** Watch-only links still show what each score means: it is how the team judges. */
  private renderAnchors() {
    const anchors = this.answer.question.anchors;
    if (!SCORES.some((s) => anchors[s])) return nothing;
    return html`<h3>${msg('What each score means', { id: 'guest.anchors' })}</h3>
      <dl class="anchors">${SCORES.map((s) => (anchors[s] ? html`<dt>${s}</dt><dd>${anchors[s]}</dd>` : nothing))}</dl>`;
  }

  private renderRating() {
    const anchors = this.answer.question.anchors;
    return html`<form @submit=${this.submit}>
      <fieldset>
        <legend>${msg('Your score, from 1 (weak) to 5 (excellent)', { id: 'guest.legend' })}</legend>
        ${SCORES.map((s) => {
          const n = Number(s);
          return html`<label class="score">
            <input type="radio" name="score" value=${s} .checked=${this.score === n}
              @change=${() => {
                this.score = n;
                this.problem = '';
              }} />
            <span class="number">${s}</span>
            <span class="anchor">${anchors[s] ?? ''}</span>
          </label>`;
        })}
      </fieldset>
      <div class="field">
        <label for="comment">${msg('Comment (optional)', { id: 'guest.comment' })}</label>
        <textarea id="comment" rows="3" maxlength="5000" .value=${this.comment}
          @input=${(e: Event) => {
            this.comment = (e.target as HTMLTextAreaElement).value;
          }}></textarea>
      </div>
      <p class="hint">${msg('The team sees your score and comment beside their own reviews.', { id: 'guest.whoSees' })}</p>
      <div role="alert">${this.problem ? html`<p class="problem">${this.problem}</p>` : nothing}</div>
      <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Save my rating', { id: 'guest.save' })}</button>
      <p role="status" class="ok">${this.status}</p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guest-answer': GuestAnswerView;
  }
}
