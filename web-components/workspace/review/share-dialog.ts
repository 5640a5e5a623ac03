import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Share } from '../../../server/contracts/sharing.js';
import { workspaceEvent } from '../events.js';
import { baseStyles } from '../shared/base.styles.js';
import { copyText } from '../shared/clipboard.js';
import { errorText } from '../shared/error-text.js';
import type { WorkspaceContext } from '../workspace-context.js';

/** The contract's bounds (API.md, Share), kept here so the browser bundle does not pull zod. */
const DAYS = { min: 1, max: 30, default: 7 };

/**
 * "Share with a hiring manager…": a modal dialog asks who, for how long, whether to show the
 * name and whether they may rate; then shows the link once, with a copy button. The server
 * keeps only a digest of the link, so the text says plainly that it cannot be shown again.
 */
@localized()
@customElement('ws-share-dialog')
export class ShareDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
      dialog {
        width: min(34rem, 100vw - 1rem);
        max-height: calc(100dvh - 1rem);
        border: 1px solid var(--t-border);
        border-radius: var(--t-radius-lg);
        background: var(--t-bg);
        color: var(--t-ink);
        padding: 1rem;
      }
      dialog::backdrop {
        background: rgb(28 26 23 / 0.55);
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        margin-bottom: 0.75rem;
      }
      .check input {
        min-height: auto;
        width: 1.25rem;
        height: 1.25rem;
        margin-top: 0.15rem;
        flex: none;
      }
      .check label {
        font-weight: 400;
      }
      input[type='number'] {
        width: 6rem;
      }
      .link {
        display: flex;
        gap: 0.5rem;
      }
      .link input {
        flex: 1;
        min-width: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: end;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() invitationId = '';
  /** How the candidate is shown without their name (their pseudonym), for the checkbox. */
  @property() candidateLabel = '';
  @state() private created: Share | null = null;
  @state() private busy = false;
  @state() private error = '';
  @state() private copied = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  private open() {
    this.created = null;
    this.error = '';
    this.copied = '';
    this.renderRoot.querySelector<HTMLFormElement>('form')?.reset();
    this.dialog.showModal();
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      this.created = await this.ctx.api.createShare(this.invitationId, {
        recipientName: String(form.get('recipientName') ?? '').trim(),
        expiresInDays: Number(form.get('expiresInDays')),
        showName: form.get('showName') === 'on',
        allowRating: form.get('allowRating') === 'on',
      });
      this.dispatchEvent(workspaceEvent('ws-share-created', { share: this.created }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#share-url')?.focus();
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private async copy() {
    const field = this.renderRoot.querySelector<HTMLInputElement>('#share-url');
    const ok = await copyText(this.created?.url ?? '', field);
    this.copied = ok
      ? msg('Link copied.', { id: 'ws.share.copied' })
      : msg('Copying is blocked here: select the link and copy it yourself.', {
          id: 'ws.links.copyFailed',
        });
  }

  override render() {
    return html`<button type="button" @click=${this.open}>${msg('Share with a hiring manager…', { id: 'ws.share.open' })}</button>
      <dialog aria-labelledby="share-title">
        ${this.created ? this.renderCreated(this.created) : this.renderForm()}
      </dialog>`;
  }

  private renderForm() {
    const label = this.candidateLabel;
    return html`<h2 id="share-title">${msg('Share with a hiring manager', { id: 'ws.share.title' })}</h2>
      <p class="hint">${msg('They see the questions, what to look for, and the videos of this candidate: nothing else, and no other candidate. They need no account.', { id: 'ws.share.explain' })}</p>
      <form @submit=${this.submit}>
        <div class="field">
          <label for="recipient">${msg('Who is it for?', { id: 'ws.share.recipient' })}</label>
          <input id="recipient" name="recipientName" required maxlength="200" autocomplete="off"
            aria-describedby="recipient-hint" />
          <span id="recipient-hint" class="hint">${msg('Their name, as it will appear in the audit trail and beside their ratings.', { id: 'ws.share.recipientHint' })}</span>
        </div>
        <div class="field">
          <label for="days">${msg('Link works for (days)', { id: 'ws.share.days' })}</label>
          <input id="days" name="expiresInDays" type="number" inputmode="numeric" required
            min=${DAYS.min} max=${DAYS.max} value=${DAYS.default} aria-describedby="days-hint" />
          <span id="days-hint" class="hint">${msg(str`From ${DAYS.min} to ${DAYS.max} days.`, { id: 'ws.share.daysHint' })}</span>
        </div>
        <div class="check">
          <input id="show-name" name="showName" type="checkbox" />
          <label for="show-name">${msg(str`Show the candidate's name (otherwise they see "${label}")`, { id: 'ws.share.showName' })}</label>
        </div>
        <div class="check">
          <input id="allow-rating" name="allowRating" type="checkbox" checked />
          <label for="allow-rating">${msg('Let them rate each answer from 1 to 5 (their ratings are listed here, never counted in results)', { id: 'ws.share.allowRating' })}</label>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>${msg('Cancel', { id: 'ws.erase.cancel' })}</button>
          <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Create the link', { id: 'ws.share.create' })}</button>
        </div>
      </form>`;
  }

  private renderCreated(share: Share) {
    const name = share.recipientName;
    return html`<h2 id="share-title">${msg(str`Link for ${name}`, { id: 'ws.share.createdTitle' })}</h2>
      <p><strong>${msg('Copy it now: for security it is not stored and cannot be shown again.', { id: 'ws.share.once' })}</strong>
        ${msg('If it is lost, revoke it and make a new one.', { id: 'ws.share.lost' })}</p>
      <label for="share-url">${msg(str`Link for ${name}`, { id: 'ws.share.createdTitle' })}</label>
      <div class="link">
        <input id="share-url" readonly .value=${share.url ?? ''}
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${this.copy}>${msg('Copy', { id: 'ws.links.copy' })}</button>
      </div>
      <p role="status">${this.copied}</p>
      <div class="actions">
        <button type="button" class="primary" @click=${() => this.dialog.close()}>${msg('Done', { id: 'ws.share.done' })}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-share-dialog': ShareDialog;
  }
}
