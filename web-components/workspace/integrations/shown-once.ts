import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { baseStyles } from '../shared/base.styles.js';
import { copyText } from '../shared/clipboard.js';

/** A secret the server shows only once (an API key, a webhook secret), with a copy button. */
@localized()
@customElement('ws-shown-once')
export class ShownOnce extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        border: 2px solid var(--t-border);
        border-radius: var(--t-radius-md);
        padding: 0.75rem;
        margin: 0.75rem 0;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      input {
        flex: 1 1 14rem;
        min-width: 0;
        font-family: monospace;
      }
    `,
  ];

  @property() label = '';
  @property() secret = '';
  @state() private copied = false;
  @query('input') private field!: HTMLInputElement;

  private async copy() {
    this.copied = await copyText(this.secret, this.field);
  }

  override render() {
    return html`<p><strong>${this.label}</strong></p>
      <p>${msg('Copy it now: it is shown only this once. Store it where your integration keeps secrets.', { id: 'ws.integrations.shownOnce' })}</p>
      <div class="row">
        <input readonly .value=${this.secret} aria-label=${this.label} @focus=${() => this.field.select()} />
        <button type="button" @click=${this.copy}>${msg('Copy', { id: 'ws.integrations.copy' })}</button>
      </div>
      <p role="status">${this.copied ? msg('Copied.', { id: 'ws.integrations.copied' }) : ''}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-shown-once': ShownOnce;
  }
}
