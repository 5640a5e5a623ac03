import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from './base.styles.js';

/** Screen readers hear the progress when it passes 25 %, 50 % and 75 %: not at every step. */
const ANNOUNCE_EVERY = 25;

/** "40 %", the number and the sign kept together on one line. */
function percentText(percent: number): string {
  return msg(str`Preparing video: ${percent}\u00a0%`, { id: 'ws.progress.percent' });
}

/**
 * An answer's video being converted: how far it has got, as words, a number and a progress bar
 * (never by colour alone), or "under way" with no number while nothing has been heard (after a
 * page load mid-conversion). Screen readers are told politely, at most every quarter.
 */
@localized()
@customElement('ws-processing-progress')
export class ProcessingProgress extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.35rem;
        width: 100%;
      }
      :host([compact]) {
        width: auto;
        flex-direction: row;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.6rem;
      }
      .text {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      progress {
        width: min(16rem, 80%);
        accent-color: var(--t-accent);
      }
      /* In a row the bar comes first, so it stays put when the words change length. */
      :host([compact]) progress {
        order: -1;
        width: 8rem;
      }
    `,
  ];

  /** Percent done, 0–100; null while unknown (shown as under way, amount unknown). */
  @property({ type: Number }) percent: number | null = null;
  /**
   * Accessible name of the bar where "Preparing video" alone would not say whose, e.g. "Preparing
   * video of Lovelace, Ada, question 2"; announcements then start with it too.
   */
  @property() label = '';
  /** Smaller, on one line: for a row in a list. */
  @property({ type: Boolean, reflect: true }) compact = false;
  @state() private announcement = '';
  /** The quarter last heard by screen readers; a new one is announced. */
  #quarter = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('percent')) return;
    const percent = this.known();
    const quarter = percent === null ? 0 : Math.floor(percent / ANNOUNCE_EVERY);
    // The first value is on screen to be read; only later progress is worth interrupting for.
    if (this.hasUpdated && percent !== null && quarter > this.#quarter) {
      const label = this.label;
      this.announcement = label
        ? msg(str`${label}: ${percent}\u00a0%`, { id: 'ws.progress.announce' })
        : percentText(percent);
    }
    // Lower after a retry starts the conversion again: its quarters are announced anew.
    this.#quarter = quarter;
  }

  private known(): number | null {
    const percent = this.percent;
    if (percent === null || !Number.isFinite(percent)) return null;
    return Math.round(Math.min(100, Math.max(0, percent)));
  }

  private name(): string {
    return this.label || msg('Preparing video', { id: 'ws.progress.label' });
  }

  override render() {
    const percent = this.known();
    return html`
      <span class="text"><span aria-hidden="true">⏳ </span>${
        percent === null
          ? msg('Preparing video…', { id: 'ws.progress.unknown' })
          : percentText(percent)
      }</span>
      <progress max="100" value=${percent ?? nothing} aria-label=${this.name()}></progress>
      <span class="visually-hidden" role="status">${this.announcement}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-processing-progress': ProcessingProgress;
  }
}
