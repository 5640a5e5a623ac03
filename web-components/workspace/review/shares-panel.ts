import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { GuestRatingItem, Share } from '../../../server/contracts/sharing.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { formatDateTime } from '../shared/format.js';
import type { WorkspaceContext } from '../workspace-context.js';
import './share-dialog.js';

/**
 * Organisers' view of one candidate's share links: make one (the dialog), see who opened
 * which and when, revoke (asked in the page first), and the hiring managers' ratings, which
 * are marked as not counted, because they never are.
 */
@localized()
@customElement('ws-shares-panel')
export class SharesPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul.plain > li {
        border-bottom: 1px solid var(--t-border);
        padding: 0.5rem 0;
      }
      .who {
        font-weight: 600;
      }
      .tag {
        display: inline-block;
        border: 1px solid var(--t-border);
        border-radius: var(--t-radius-md);
        padding: 0 0.3rem;
        font-size: var(--t-size-xs);
      }
      .confirm {
        background: var(--t-surface);
        border-left: 4px solid var(--t-danger);
        padding: 0.75rem;
        margin-top: 0.5rem;
      }
      .not-counted {
        border-left: 4px solid var(--t-warning);
        padding-left: 0.5rem;
      }
      h3 {
        margin-top: 1.5rem;
      }
      blockquote {
        margin: 0.25rem 0 0;
        white-space: pre-line;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() invitationId = '';
  @property() candidateLabel = '';
  /** "Question 2" for an answer of this candidate, to say what a guest rating is about. */
  @property({ attribute: false }) questionOf: (answerId: string) => string = () => '';
  @state() private shares: Share[] = [];
  @state() private guestRatings: GuestRatingItem[] = [];
  @state() private confirmRevoke: string | null = null;
  @state() private busy = false;
  @state() private status = '';
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('invitationId') && this.invitationId) void this.load();
  }

  private async load() {
    this.error = '';
    try {
      const [shares, ratings] = await Promise.all([
        this.ctx.api.shares(this.invitationId),
        this.ctx.api.guestRatings(this.invitationId),
      ]);
      this.shares = shares;
      this.guestRatings = ratings;
    } catch (err) {
      this.error = errorText(err);
    }
  }

  /** Opens the question under a link, or closes it and gives focus back to its Revoke button. */
  private async askRevoke(shareId: string | null, from?: string) {
    this.confirmRevoke = shareId;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(
        shareId
          ? '.confirm button'
          : from
            ? `button[data-revoke="${CSS.escape(from)}"]`
            : '#shares-title',
      )
      ?.focus();
  }

  private async revoke(share: Share) {
    this.busy = true;
    this.error = '';
    try {
      await this.ctx.api.revokeShare(share.id);
      this.confirmRevoke = null;
      this.status = msg(str`The link for ${share.recipientName} no longer works.`, {
        id: 'ws.shares.revoked',
      });
      await this.load();
      this.renderRoot.querySelector<HTMLElement>('#shares-title')?.focus();
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<section aria-labelledby="shares-title">
      <h2 id="shares-title" tabindex="-1">${msg('Hiring managers', { id: 'ws.shares.title' })}</h2>
      <ws-share-dialog .ctx=${this.ctx} invitationId=${this.invitationId} candidateLabel=${this.candidateLabel}
        @ws-share-created=${() => void this.load()}></ws-share-dialog>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <p role="status">${this.status}</p>
      ${
        this.shares.length
          ? html`<ul class="plain">${this.shares.map((s) => this.renderShare(s))}</ul>`
          : html`<p class="hint">${msg('No share links yet.', { id: 'ws.shares.none' })}</p>`
      }
      ${this.renderGuestRatings()}
    </section>`;
  }

  private renderShare(share: Share) {
    const name = share.recipientName;
    const expired = Date.parse(share.expiresAt) <= Date.now();
    const confirming = this.confirmRevoke === share.id;
    return html`<li>
      <div class="who">${name}</div>
      <div>${
        expired
          ? html`<span class="tag">${msg('Expired', { id: 'ws.shares.expired' })}</span> ${formatDateTime(share.expiresAt)}`
          : msg(str`Works until ${formatDateTime(share.expiresAt)}`, { id: 'ws.shares.until' })
      }</div>
      <div>${
        share.opens
          ? msg(str`Opened ${share.opens} time(s), last on ${formatDateTime(share.lastOpenedAt)}`, {
              id: 'ws.shares.opened',
            })
          : msg('Not opened yet', { id: 'ws.shares.notOpened' })
      }</div>
      <div class="hint">${share.showName ? msg('Shows the name', { id: 'ws.shares.showsName' }) : msg('Name hidden', { id: 'ws.shares.nameHidden' })} ·
        ${share.allowRating ? msg('May rate', { id: 'ws.shares.mayRate' }) : msg('Watch only', { id: 'ws.shares.watchOnly' })} ·
        ${msg(str`made by ${share.createdBy.name}`, { id: 'ws.shares.by' })}</div>
      ${
        expired
          ? nothing
          : html`<button type="button" class="link" data-revoke=${share.id} aria-expanded=${confirming ? 'true' : 'false'} ?disabled=${this.busy}
            @click=${() => this.askRevoke(confirming ? null : share.id, share.id)}>${msg(str`Revoke the link for ${name}`, { id: 'ws.shares.revoke' })}</button>`
      }
      ${
        confirming
          ? html`<div class="confirm" role="group" aria-label=${msg(str`Revoke the link for ${name}?`, { id: 'ws.shares.confirmTitle' })}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape') void this.askRevoke(null, share.id);
          }}>
          <p>${msg(str`${name} will see "This link has expired or was withdrawn" from now on. Ratings they gave stay listed.`, { id: 'ws.shares.confirmText' })}</p>
          <div class="row">
            <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.revoke(share)}>${msg(str`Yes, revoke the link for ${name}`, { id: 'ws.shares.confirmYes' })}</button>
            <button type="button" @click=${() => this.askRevoke(null, share.id)}>${msg('Keep the link', { id: 'ws.shares.confirmNo' })}</button>
          </div>
        </div>`
          : nothing
      }
    </li>`;
  }

  private renderGuestRatings() {
    if (!this.guestRatings.length) return nothing;
    return html`<h3 id="guest-ratings">${msg('Hiring managers’ ratings', { id: 'ws.shares.ratingsTitle' })}</h3>
      <p class="not-counted"><strong>${msg('Not counted:', { id: 'ws.shares.notCounted' })}</strong>
        ${msg('these ratings never enter results, reviewer agreement or fairness figures.', { id: 'ws.shares.notCountedWhy' })}</p>
      <ul class="plain" aria-labelledby="guest-ratings">${this.guestRatings.map(
        (r) => html`<li>
          <div><span class="who">${r.recipientName}</span> · ${this.questionOf(r.answerId)}:
            <strong>${msg(str`${r.score} out of 5`, { id: 'ws.shares.score' })}</strong></div>
          ${r.comment ? html`<blockquote>${r.comment}</blockquote>` : nothing}
          <div class="hint">${formatDateTime(r.updatedAt)}</div>
        </li>`,
      )}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-shares-panel': SharesPanel;
  }
}
