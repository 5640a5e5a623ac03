import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Rating } from '../../../server/contracts/api.js';
import { baseStyles } from '../shared/base.styles.js';

/** Scores this far apart (e.g. 2 and 4) are worth a conversation. */
export const DISAGREEMENT_SPREAD = 2;

/** The lowest and highest score when they are far enough apart to call a disagreement. */
export function disagreement(scores: number[]): { low: number; high: number } | null {
  if (scores.length < 2) return null;
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  return high - low >= DISAGREEMENT_SPREAD ? { low, high } : null;
}

/**
 * Everyone's scores of one answer side by side, once the server unseals them (after I rated it,
 * or for organisers once enough ratings are in). Disagreement is said in words and an icon,
 * not only a colour; a score changed after colleagues' became visible is marked as such.
 */
@localized()
@customElement('ws-colleague-scores')
export class ColleagueScores extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.4rem;
      }
      li {
        display: grid;
        grid-template-columns: 2.5rem minmax(0, 1fr);
        gap: 0.1rem 0.5rem;
        align-items: baseline;
      }
      .score {
        font-size: 1.2rem;
        font-weight: 700;
        text-align: center;
        border: 2px solid var(--t-border);
        border-radius: var(--t-radius-md);
      }
      .comment {
        grid-column: 2;
        white-space: pre-line;
        color: var(--t-muted);
      }
      .revised {
        font-size: var(--t-size-xs);
        border: 1px dashed var(--t-border);
        border-radius: 0.3rem;
        padding: 0 0.3rem;
        margin-left: 0.3rem;
      }
      .disagree {
        border-left: 4px solid var(--t-warning);
        padding: 0.3rem 0.6rem;
        background: var(--t-surface);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) ratings: Rating[] = [];
  /** Mine is shown as "You". */
  @property() myId = '';

  override render() {
    if (this.ratings.length < 2) return nothing;
    const split = disagreement(this.ratings.map((r) => r.score));
    return html`<section aria-labelledby="scores-title">
      <h3 id="scores-title">${msg('Scores side by side', { id: 'ws.scores.title' })}</h3>
      ${
        split
          ? html`<p class="disagree"><span aria-hidden="true">⚠ </span>${msg(str`Reviewers disagree: scores from ${split.low} to ${split.high}. Talk it through before deciding.`, { id: 'ws.scores.disagree' })}</p>`
          : nothing
      }
      <ul>
        ${this.ratings.map(
          (r) => html`<li>
            <span class="score">${r.score}</span>
            <span>${r.reviewer.id === this.myId ? msg('You', { id: 'ws.scores.you' }) : r.reviewer.name}${
              r.revisedAfterReveal
                ? html`<span class="revised">${msg(str`revised after reveal (first ${r.firstScore ?? '?'})`, { id: 'ws.scores.revised' })}</span>`
                : nothing
            }</span>
            ${r.comment ? html`<span class="comment">${r.comment}</span>` : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-colleague-scores': ColleagueScores;
  }
}
