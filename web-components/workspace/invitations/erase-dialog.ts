import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import type { WorkspaceContext } from '../workspace-context.js';

/**
 * An admin's "Erase…" beside a candidate: a modal dialog says exactly what goes and that it
 * cannot be undone, and only its own button erases. The native modal dialog moves focus in,
 * keeps it there, closes on Escape and gives focus back to the opening button.
 */
@localized()
@customElement('ws-erase-dialog')
export class EraseDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
      dialog {
        width: min(34rem, 100vw - 1rem);
        border: 1px solid var(--t-border);
        border-radius: var(--t-radius-lg);
        background: var(--t-bg);
        color: var(--t-ink);
        padding: 1rem;
      }
      dialog::backdrop {
        background: rgb(28 26 23 / 0.55);
      }
      button.danger {
        color: var(--t-danger);
        border-color: var(--t-danger);
        font-weight: 600;
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
  @property() candidateName = '';
  @property() candidateEmail = '';
  /** Called once the server has erased the candidate, with the name that is now gone. */
  @property({ attribute: false }) onErased: (name: string) => void = () => {};
  @state() private busy = false;
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  private show() {
    this.error = '';
    this.dialog.showModal();
  }

  private async erase() {
    this.busy = true;
    this.error = '';
    try {
      await this.ctx.api.eraseInvitation(this.invitationId);
      this.dialog.close();
      this.onErased(this.candidateName);
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const name = this.candidateName;
    return html`<button type="button" class="link" @click=${this.show}
        aria-label=${msg(str`Erase ${name}…`, { id: 'ws.erase.openLabel' })}>${msg('Erase…', { id: 'ws.erase.open' })}</button>
      <dialog aria-labelledby="erase-title" aria-describedby="erase-what erase-final">
        <h2 id="erase-title">${msg(str`Erase ${name}?`, { id: 'ws.erase.title' })}</h2>
        <p id="erase-what">${msg(
          str`This deletes ${name}'s name, email (${this.candidateEmail}), every recording, the ratings, the decision and the feedback.`,
          { id: 'ws.erase.what' },
        )}</p>
        <p id="erase-final"><strong>${msg('It cannot be undone.', { id: 'ws.erase.final' })}</strong>
          ${msg('The audit trail keeps the fact that a candidate was erased, without the name.', { id: 'ws.erase.audit' })}</p>
        ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : null}
        <div class="actions">
          <button type="button" autofocus @click=${() => this.dialog.close()}>${msg('Cancel', { id: 'ws.erase.cancel' })}</button>
          <button type="button" class="danger" ?disabled=${this.busy} @click=${this.erase}>${msg(
            str`Erase ${name} for good`,
            { id: 'ws.erase.confirm' },
          )}</button>
        </div>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-erase-dialog': EraseDialog;
  }
}
