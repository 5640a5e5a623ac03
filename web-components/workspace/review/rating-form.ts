import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Rating } from '../../../server/contracts/api.js';
import type { Anchors } from '../../../server/contracts/review.js';
import { EVIDENCE_MIN_CHARS } from '../../../server/contracts/review-rules.js';
import { workspaceEvent } from '../events.js';
import { AutosaveController } from '../shared/autosave.js';
import { baseStyles } from '../shared/base.styles.js';
import { ratingFormStyles } from './rating-form.styles.js';
import { SCORES } from './review-terms.js';

export type SaveRating = (
  answerId: string,
  rating: { score: number; comment: string },
) => Promise<Rating>;

interface RatingDraft {
  answerId: string;
  score: number;
  comment: string;
}

/**
 * A score of 1–5 and a comment for one answer, saved as you go and editable any time. With a
 * rubric, each score is a radio whose description is its anchor (what such an answer looks like).
 */
@localized()
@customElement('ws-rating-form')
export class RatingForm extends LitElement {
  static override styles = [baseStyles, ratingFormStyles];

  @property() answerId = '';
  /** My saved rating of this answer, if any. */
  @property({ attribute: false }) rating: Rating | null = null;
  @property({ attribute: false }) save?: SaveRating;
  @property({ type: Boolean }) disabled = false;
  /** The question's anchored rubric; without it the scores are plain numbers. */
  @property({ attribute: false }) anchors: Anchors | null = null;
  /** When the interview asks for evidence, a rating needs a comment of 20 characters or more. */
  @property({ type: Boolean }) evidenceRequired = false;
  @state() private score = 0;
  @state() private comment = '';

  private readonly autosave = new AutosaveController<RatingDraft>(this, async (draft) => {
    if (!this.save) return;
    const saved = await this.save(draft.answerId, { score: draft.score, comment: draft.comment });
    this.dispatchEvent(workspaceEvent('ws-rating-saved', { rating: saved }));
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('answerId')) {
      // The previous answer's last words go out before this one's rating is shown.
      void this.autosave.flush();
      this.autosave.reset();
      this.score = this.rating?.score ?? 0;
      this.comment = this.rating?.comment ?? '';
    } else if (changed.has('rating') && this.autosave.status === 'idle') {
      this.score = this.rating?.score ?? 0;
      this.comment = this.rating?.comment ?? '';
    }
  }

  /** From the digit keys: choose a score and save at once. */
  setScore(score: number): void {
    if (this.disabled || score < 1 || score > 5) return;
    this.score = score;
    this.queueSave(0);
  }

  private queueSave(delayMs?: number) {
    // Nothing is saved without a score: the API needs one, a comment alone waits for it.
    if (this.score === 0 || this.missingEvidence()) return;
    this.autosave.schedule(
      { answerId: this.answerId, score: this.score, comment: this.comment },
      delayMs,
    );
  }

  private missingEvidence(): boolean {
    return this.evidenceRequired && this.comment.trim().length < EVIDENCE_MIN_CHARS;
  }

  private stateText(): string {
    switch (this.autosave.status) {
      case 'pending':
        return msg('Changes not saved yet…', { id: 'ws.rating.pending' });
      case 'saving':
        return msg('Saving…', { id: 'ws.rating.saving' });
      case 'saved':
        return msg('Saved', { id: 'ws.rating.saved' });
      case 'failed':
        return msg(str`Not saved: ${this.autosave.error}`, { id: 'ws.rating.failed' });
      default:
        if (this.rating) return msg('Saved', { id: 'ws.rating.saved' });
        if (this.score && this.missingEvidence())
          return msg(str`Write at least ${EVIDENCE_MIN_CHARS} characters of evidence to save.`, {
            id: 'ws.rating.needEvidence',
          });
        return this.comment && !this.score
          ? msg('Choose a score to save your comment.', { id: 'ws.rating.needScore' })
          : '';
    }
  }

  override render() {
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
      <fieldset ?disabled=${this.disabled}>
        <legend>${msg('Your score, from 1 (weak) to 5 (excellent)', { id: 'ws.rating.legend' })}</legend>
        <div class=${this.hasAnchors() ? 'scores anchored' : 'scores'}>
          ${SCORES.map((n) => this.renderOption(n))}
        </div>
        <div class="field">
          <label for="comment">${
            this.evidenceRequired
              ? msg(str`Evidence (at least ${EVIDENCE_MIN_CHARS} characters)`, {
                  id: 'ws.rating.evidence',
                })
              : msg('Comment (optional)', { id: 'ws.rating.comment' })
          }</label>
          <textarea id="comment" rows="3" maxlength="5000" .value=${this.comment}
            ?required=${this.evidenceRequired}
            @input=${(e: Event) => {
              this.comment = (e.target as HTMLTextAreaElement).value;
              this.queueSave();
            }}
            @blur=${() => void this.autosave.flush()}></textarea>
        </div>
      </fieldset>
      <p class="state" role="status">${this.stateText()}
        ${this.autosave.status === 'failed' ? html`<button type="button" @click=${() => this.autosave.flush()}>${msg('Try again', { id: 'ws.retry' })}</button>` : nothing}</p>
    </form>`;
  }

  private hasAnchors(): boolean {
    return SCORES.some((n) => this.anchors?.[`${n}`]?.trim());
  }

  /**
   * Each option is one label around its radio: the number names it ("4"), the anchor describes
   * it (hidden from the tree as text, read once as the description), and the whole option is
   * its own click target, never its neighbour's.
   */
  private renderOption(n: number) {
    const anchor = this.anchors?.[`${n}` as keyof Anchors]?.trim();
    const anchored = this.hasAnchors();
    return html`<label class="option" for="score-${n}">
      <input type="radio" name="score" id="score-${n}" value=${n} .checked=${this.score === n}
        aria-describedby=${anchored ? `anchor-${n}` : nothing}
        @change=${() => {
          this.score = n;
          this.queueSave(150);
        }} />
      <span class="number">${n}</span>
      ${
        anchored
          ? html`<span class=${anchor ? 'anchor' : 'anchor missing'} id="anchor-${n}" aria-hidden="true">${anchor || msg('No description for this score.', { id: 'ws.rating.noAnchor' })}</span>`
          : nothing
      }
    </label>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-rating-form': RatingForm;
  }
}
