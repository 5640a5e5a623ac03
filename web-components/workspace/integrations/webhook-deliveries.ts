import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { WebhookDelivery } from '../../../server/contracts/integrations.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { formatDateTime } from '../shared/format.js';
import type { IntegrationsApi } from './integrations-api.js';

/** Words for a delivery's status: never colour alone. */
function statusText(d: WebhookDelivery): string {
  if (d.status === 'delivered')
    return msg(str`Delivered (${d.responseStatus ?? ''})`, { id: 'ws.integrations.delivered' });
  if (d.status === 'pending') return msg('Waiting to be sent', { id: 'ws.integrations.pending' });
  return d.responseStatus === null
    ? msg('Failed: no answer', { id: 'ws.integrations.failedNoAnswer' })
    : msg(str`Failed (${d.responseStatus})`, { id: 'ws.integrations.failed' });
}

/** The attempts of one endpoint, newest first, each with a button to send its message again. */
@localized()
@customElement('ws-webhook-deliveries')
export class WebhookDeliveries extends LitElement {
  static override styles = [
    baseStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        padding: 0.35rem 0.5rem 0.35rem 0;
        border-bottom: 1px solid var(--t-border);
        overflow-wrap: anywhere;
      }
      .wrap {
        overflow-x: auto;
      }
    `,
  ];

  @property({ attribute: false }) api!: IntegrationsApi;
  @property() endpointId = '';
  @state() private items: WebhookDelivery[] = [];
  @state() private message = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.items = await this.api.deliveries(this.endpointId);
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private async retry(d: WebhookDelivery) {
    try {
      await this.api.retry(this.endpointId, d.id);
      this.message = msg(str`${d.event} will be sent again now.`, {
        id: 'ws.integrations.retried',
      });
      await this.load();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  override render() {
    return html`<p role="status">${this.message}</p>
      ${
        this.items.length === 0
          ? html`<p>${msg('Nothing sent yet.', { id: 'ws.integrations.noDeliveries' })}</p>`
          : html`<div class="wrap"><table>
            <caption class="visually-hidden">${msg('Deliveries, newest first', { id: 'ws.integrations.deliveriesCaption' })}</caption>
            <thead><tr>
              <th scope="col">${msg('Event', { id: 'ws.integrations.event' })}</th>
              <th scope="col">${msg('Attempt', { id: 'ws.integrations.attempt' })}</th>
              <th scope="col">${msg('Status', { id: 'ws.integrations.status' })}</th>
              <th scope="col">${msg('When', { id: 'ws.integrations.when' })}</th>
              <th scope="col"><span class="visually-hidden">${msg('Action', { id: 'ws.integrations.action' })}</span></th>
            </tr></thead>
            <tbody>${this.items.map(
              (d) => html`<tr>
                <td>${d.event}<br /><small>${d.messageId}</small></td>
                <td>${d.attempt}</td>
                <td>${statusText(d)}</td>
                <td><time datetime=${d.at}>${formatDateTime(d.at)}</time></td>
                <td>${
                  d.status === 'pending'
                    ? nothing
                    : html`<button type="button" @click=${() => this.retry(d)} aria-label=${msg(str`Retry ${d.event}`, { id: 'ws.integrations.retryLabel' })}>${msg('Retry', { id: 'ws.integrations.retry' })}</button>`
                }</td>
              </tr>`,
            )}</tbody>
          </table></div>`
      }
      <button type="button" @click=${this.load}>${msg('Refresh', { id: 'ws.integrations.refresh' })}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-webhook-deliveries': WebhookDeliveries;
  }
}
