import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AnswerStatus, InvitationStatus } from '../../../server/contracts/api.js';

type Status = InvitationStatus | AnswerStatus;

/** Each status has a word and a symbol, so it never depends on colour alone. */
function describe(status: Status): { symbol: string; label: string } {
  switch (status) {
    case 'invited':
      return { symbol: '✉', label: msg('Invited', { id: 'ws.status.invited' }) };
    case 'started':
      return { symbol: '◐', label: msg('Started', { id: 'ws.status.started' }) };
    case 'completed':
      return { symbol: '✓', label: msg('Completed', { id: 'ws.status.completed' }) };
    case 'expired':
      return { symbol: '⌛', label: msg('Expired', { id: 'ws.status.expired' }) };
    case 'recording':
      return { symbol: '●', label: msg('Recording', { id: 'ws.status.recording' }) };
    case 'processing':
      return { symbol: '⏳', label: msg('Processing', { id: 'ws.status.processing' }) };
    case 'ready':
      return { symbol: '✓', label: msg('Ready', { id: 'ws.status.ready' }) };
    case 'failed':
      return { symbol: '✕', label: msg('Failed', { id: 'ws.status.failed' }) };
  }
}

@localized()
@customElement('ws-status-badge')
export class StatusBadge extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      padding: 0.1rem 0.55rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: var(--t-size-sm);
      font-weight: 600;
      white-space: nowrap;
      color: var(--t-ink);
    }
    :host([status='completed']),
    :host([status='ready']) {
      color: var(--t-success);
    }
    :host([status='expired']),
    :host([status='failed']) {
      color: var(--t-danger);
    }
    :host([status='processing']),
    :host([status='started']) {
      color: var(--t-warning);
    }
  `;

  @property({ reflect: true }) status: Status = 'invited';

  override render() {
    const { symbol, label } = describe(this.status);
    return html`<span aria-hidden="true">${symbol}</span><span>${label}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-status-badge': StatusBadge;
  }
}
