import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { baseStyles } from './base.styles.js';

/**
 * An in-page "are you sure?" instead of the browser's `confirm()`: styled and translated like the
 * rest, read by screen readers as a dialog with its question. The native modal dialog keeps focus
 * inside and closes on Escape (= cancel); Cancel has focus first so Enter never confirms by
 * accident; focus goes back to what was focused before.
 */
@localized()
@customElement('ws-confirm-dialog')
export class ConfirmDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dialog {
        width: min(30rem, 100vw - 1rem);
        max-height: calc(100dvh - 1rem);
        border: 1px solid var(--t-border);
        border-radius: var(--t-radius-lg);
        background: var(--t-bg);
        color: var(--t-ink);
        padding: 1rem;
      }
      dialog.wide {
        width: min(42rem, 100vw - 1rem);
      }
      dialog::backdrop {
        background: rgb(28 26 23 / 0.55);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: end;
      }
      button.danger {
        color: var(--t-danger);
        border-color: var(--t-danger);
        font-weight: 600;
      }
    `,
  ];

  @property() message = '';
  @property() confirmLabel = '';
  /** Red confirm button, for what cannot be undone. */
  @property({ type: Boolean }) danger = false;
  /** What to look at before answering, shown under the question (a wider dialog). */
  @property({ attribute: false }) details: TemplateResult | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the dialog; true once the person confirmed, false on Cancel or Escape. */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('button[value="cancel"]')?.focus();
    return new Promise((resolve) => {
      this.dialog.addEventListener('close', () => resolve(this.dialog.returnValue === 'confirm'), {
        once: true,
      });
    });
  }

  override render() {
    return html`<dialog aria-describedby="question" aria-label=${this.confirmLabel}
        class=${this.details ? 'wide' : ''}>
      <form method="dialog">
        <p id="question">${this.message}</p>
        ${this.details ?? nothing}
        <div class="actions">
          <button value="cancel">${msg('Cancel', { id: 'ws.confirm.cancel' })}</button>
          <button value="confirm" class=${this.danger ? 'danger' : 'primary'}>${this.confirmLabel}</button>
        </div>
      </form>
    </dialog>`;
  }
}

/** The element that has focus, looking inside shadow roots (where the workspace's buttons are). */
function focusedElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * Asks `message` in an in-page dialog placed inside `host` (so it inherits its language and
 * styles), with `details` under it when given; resolves true when the person pressed
 * `confirmLabel`.
 */
export async function confirmInPage(
  host: HTMLElement,
  message: string,
  confirmLabel: string,
  options: { danger?: boolean; details?: TemplateResult } = {},
): Promise<boolean> {
  const returnTo = focusedElement();
  const dialog = document.createElement('ws-confirm-dialog') as ConfirmDialog;
  dialog.message = message;
  dialog.confirmLabel = confirmLabel;
  dialog.danger = options.danger ?? false;
  dialog.details = options.details ?? null;
  (host.shadowRoot ?? host).appendChild(dialog);
  try {
    return await dialog.ask();
  } finally {
    dialog.remove();
    returnTo?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-confirm-dialog': ConfirmDialog;
  }
}
