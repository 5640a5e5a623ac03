import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../shared/base.styles.js';
import { confirmInPage } from '../shared/confirm-dialog.js';
import { href } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { fairnessApi } from './fairness-api.js';

const CONFIRMED = 'ws.sealed-gate.confirmed';

function confirmed(interviewId: string): boolean {
  try {
    return JSON.parse(sessionStorage.getItem(CONFIRMED) ?? '[]').includes(interviewId);
  } catch {
    return false;
  }
}

function remember(interviewId: string): void {
  try {
    const list = JSON.parse(sessionStorage.getItem(CONFIRMED) ?? '[]') as string[];
    sessionStorage.setItem(CONFIRMED, JSON.stringify([...list, interviewId]));
  } catch {}
}

function warning(): string {
  return msg(
    'You also rate answers of this interview. These figures show every colleague’s score: once you open them, the ratings you give afterwards to answers colleagues have already rated no longer count in the reviewer agreement figure, because they were not given blind.',
    { id: 'ws.gate.body' },
  );
}

/**
 * The same warning before something that is not a page (the ratings CSV): an in-page
 * confirmation inside `host`, asked only of an organiser with ratings given and answers left.
 */
export async function confirmBeforeSeeingScores(
  host: HTMLElement,
  ctx: WorkspaceContext,
  interviewId: string,
): Promise<boolean> {
  if (confirmed(interviewId)) return true;
  const mine = await fairnessApi(ctx.api)
    .myRatings(interviewId)
    .catch(() => ({ rated: 0, unrated: 0 }));
  if (mine.rated === 0 || mine.unrated === 0) return true;
  const sure = await confirmInPage(
    host,
    warning(),
    msg('Download anyway', { id: 'ws.gate.download' }),
  );
  if (!sure) return false;
  remember(interviewId);
  return true;
}

/**
 * Sealed for organisers too: opening results or reliability shows every rating of the
 * interview, so an organiser who also reviews would rate the rest having seen colleagues'
 * scores. Before the page loads (and counts as seen), such an organiser — one who has rated
 * some answers of this interview and has others left — is told so and chooses. `content`
 * renders the page only once it may load.
 */
@localized()
@customElement('ws-sealed-gate')
export class SealedGate extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .warning {
        border-left: 4px solid var(--t-warning);
        background: var(--t-surface);
        padding: 0.5rem 1rem;
        margin-bottom: 1rem;
        max-width: 44rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @property({ attribute: false }) content: () => TemplateResult = () => html``;
  @state() private phase: 'checking' | 'warn' | 'open' = 'checking';
  @state() private unrated = 0;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId')) void this.check();
  }

  private async check(): Promise<void> {
    if (confirmed(this.interviewId)) {
      this.phase = 'open';
      return;
    }
    this.phase = 'checking';
    try {
      const mine = await fairnessApi(this.ctx.api).myRatings(this.interviewId);
      this.unrated = mine.unrated;
      this.phase = mine.rated > 0 && mine.unrated > 0 ? 'warn' : 'open';
    } catch {
      // The page itself will show what went wrong.
      this.phase = 'open';
    }
  }

  private open(): void {
    remember(this.interviewId);
    this.phase = 'open';
  }

  override render() {
    if (this.phase === 'open') return this.content();
    if (this.phase === 'checking')
      return html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'ws.loading' })}</p>`;
    return html`<h1>${msg('Before you open these figures', { id: 'ws.gate.title' })}</h1>
      <div class="warning" role="note">
        <p>${warning()}</p>
        <p>${msg(str`You still have ${this.unrated} answer(s) to rate here.`, { id: 'ws.gate.left' })}</p>
      </div>
      <div class="actions">
        <a class="button primary" href=${href.byQuestion(this.interviewId)}>${msg('Rate first', { id: 'ws.gate.rate' })}</a>
        <button type="button" @click=${this.open}>${msg('Open anyway', { id: 'ws.gate.open' })}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-sealed-gate': SealedGate;
  }
}
