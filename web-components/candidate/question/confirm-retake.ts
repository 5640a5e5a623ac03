import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { sharedStyles } from '../shared.styles.js';

/**
 * "Record again" after a saved answer, asked first (issue 21): a modal dialog says what happens
 * to the saved answer and what the retake costs, with Cancel as the default. The native modal
 * dialog moves focus in, keeps it there, closes on Escape and gives focus back to the button.
 * Fires `confirm` (not bubbling) when the candidate confirms.
 */
@customElement('confirm-retake')
@localized()
export class ConfirmRetake extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
      dialog {
        width: min(30rem, 100vw - 1rem);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: Canvas;
        color: CanvasText;
        padding: 1.25rem;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      h3 {
        font-size: 1.25rem;
        margin: 0 0 0.75rem;
      }
      .actions {
        justify-content: end;
      }
    `,
  ];

  /** Takes the candidate may still record, this retake included. */
  @property({ type: Number }) remaining = 1;
  @query('dialog') private dialog!: HTMLDialogElement;

  private open(): void {
    this.dialog.showModal();
  }

  private confirm(): void {
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('confirm'));
  }

  override render() {
    return html`<button type="button" @click=${this.open}>${msg('Record again', { id: 'rec.retake' })}</button>
      <dialog aria-labelledby="retake-title" aria-describedby="retake-kept retake-cost">
        <h3 id="retake-title">${msg('Record this answer again?', { id: 'rec.retake.confirm-title' })}</h3>
        <p id="retake-kept">${msg('Your saved answer is kept until the new recording is complete.', { id: 'rec.retake.kept' })}
          ${msg('If the new recording is interrupted, you choose which one to keep.', { id: 'rec.retake.interrupted' })}</p>
        <p id="retake-cost">${retakeCost(this.remaining)}</p>
        <div class="actions">
          <button type="button" autofocus @click=${() => this.dialog.close()}>${msg('Cancel', { id: 'rec.retake.cancel' })}</button>
          <button type="button" class="primary" @click=${this.confirm}>${msg('Record again', { id: 'rec.retake' })}</button>
        </div>
      </dialog>`;
  }
}

/** What recording again costs, from the takes still allowed (this one included). */
function retakeCost(remaining: number): string {
  return remaining <= 1
    ? msg('Recording again uses your last retake for this question.', {
        id: 'rec.retake.cost-last',
      })
    : msg(str`Recording again uses 1 of your ${remaining} retakes left.`, {
        id: 'rec.retake.cost',
      });
}

declare global {
  interface HTMLElementTagNameMap {
    'confirm-retake': ConfirmRetake;
  }
}
