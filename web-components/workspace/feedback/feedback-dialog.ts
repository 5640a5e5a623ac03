import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { baseStyles } from '../shared/base.styles.js';
import type { WorkspaceContext } from '../workspace-context.js';
import './feedback-editor.js';

/**
 * A "Feedback" button beside a candidate who finished; it opens the feedback editor in a modal
 * dialog (focus moves in, Escape closes, focus returns to the button).
 */
@localized()
@customElement('ws-feedback-dialog')
export class FeedbackDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
      dialog {
        width: min(44rem, 100vw - 1rem);
        max-height: calc(100vh - 2rem);
        border: 1px solid var(--t-border);
        border-radius: var(--t-radius-lg);
        background: var(--t-bg);
        color: var(--t-ink);
        padding: 1rem;
      }
      dialog::backdrop {
        background: rgb(28 26 23 / 0.55);
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: start;
        gap: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() invitationId = '';
  @property() candidateName = '';
  @state() private open = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  private async show() {
    this.open = true;
    await this.updateComplete;
    this.dialog.showModal();
  }

  override render() {
    return html`<button type="button" class="link" @click=${this.show}
        aria-label=${msg(str`Feedback for ${this.candidateName}`, { id: 'ws.fb.openLabel' })}>${msg('Feedback', { id: 'ws.fb.open' })}</button>
      <dialog aria-labelledby="fb-title" @close=${() => {
        this.open = false;
      }}>
        <header>
          <h2 id="fb-title">${msg(str`Feedback for ${this.candidateName}`, { id: 'ws.fb.title' })}</h2>
          <button type="button" @click=${() => this.dialog.close()}>${msg('Close', { id: 'ws.fb.close' })}</button>
        </header>
        ${
          this.open
            ? html`<ws-feedback-editor .ctx=${this.ctx} .invitationId=${this.invitationId}
            .candidateName=${this.candidateName}></ws-feedback-editor>`
            : nothing
        }
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-feedback-dialog': FeedbackDialog;
  }
}
