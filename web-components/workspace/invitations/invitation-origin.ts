import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Invitation } from '../../../server/contracts/api.js';
import type { EmailStatus } from '../../../server/contracts/programmes.js';
import { baseStyles } from '../shared/base.styles.js';

/** Each email state has a symbol and a word, never a colour alone. */
function emailState(status: EmailStatus): { symbol: string; label: string } {
  switch (status) {
    case 'queued':
      return { symbol: '…', label: msg('Email queued', { id: 'ws.origin.queued' }) };
    case 'sent':
      return { symbol: '✓', label: msg('Email sent', { id: 'ws.origin.sent' }) };
    case 'failed':
      return { symbol: '✕', label: msg('Email failed', { id: 'ws.origin.failed' }) };
  }
}

/**
 * Where a candidate came from and what organisers need to know about them: applied or
 * invited, their location, a possible duplicate, extra time, and the state of their email
 * (with the mail server's reply when it failed). Organisers only: never shown to reviewers.
 */
@localized()
@customElement('ws-invitation-origin')
export class InvitationOrigin extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        font-size: var(--t-size-sm);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .failed {
        color: var(--t-danger);
        font-weight: 600;
      }
      .reply {
        font-family: ui-monospace, monospace;
        font-size: 0.8rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) invitation!: Invitation;

  override render() {
    const i = this.invitation;
    const source =
      i.source === 'applied'
        ? msg('Applied', { id: 'ws.origin.applied' })
        : msg('Invited', { id: 'ws.origin.invited' });
    return html`<ul>
      <li>${source}${i.location ? html` · ${i.location.name}` : nothing}</li>
      ${i.duplicateOf ? html`<li><span aria-hidden="true">⚠ </span>${msg('Applied again with the same email', { id: 'ws.origin.duplicate' })}</li>` : nothing}
      ${i.accommodations?.extraTime ? html`<li><span aria-hidden="true">+ </span>${msg('Extra time (1.5×)', { id: 'ws.origin.extraTime' })}</li>` : nothing}
      ${this.renderEmail()}
    </ul>`;
  }

  private renderEmail() {
    const email = this.invitation.email;
    if (!email) return nothing;
    const { symbol, label } = emailState(email.status);
    return html`<li class=${email.status === 'failed' ? 'failed' : ''}>
      <span aria-hidden="true">${symbol} </span>${label}
      ${email.status === 'failed' && email.error ? html`<div class="reply">${email.error}</div>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-invitation-origin': InvitationOrigin;
  }
}
