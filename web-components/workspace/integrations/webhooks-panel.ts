import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type {
  CreatedWebhookEndpoint,
  WebhookEndpoint,
} from '../../../server/contracts/integrations.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../server/contracts/webhook-events.js';
import { baseStyles } from '../shared/base.styles.js';
import { confirmInPage } from '../shared/confirm-dialog.js';
import { errorText } from '../shared/error-text.js';
import type { IntegrationsApi } from './integrations-api.js';
import './shown-once.js';
import './webhook-deliveries.js';

/** Admins subscribe URLs to events, see deliveries, retry, disable and delete. */
@localized()
@customElement('ws-webhooks-panel')
export class WebhooksPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      form {
        display: grid;
        gap: 0.75rem;
        max-width: 40rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
      }
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
      fieldset label {
        display: flex;
        gap: 0.35rem;
        align-items: center;
      }
      ul {
        list-style: none;
        padding: 0;
      }
      li {
        border-bottom: 1px solid var(--t-border);
        padding: 0.75rem 0;
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) api!: IntegrationsApi;
  @state() private hooks: WebhookEndpoint[] = [];
  @state() private created: CreatedWebhookEndpoint | null = null;
  @state() private open = new Set<string>();
  @state() private message = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.hooks = await this.api.webhooks();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const events = data.getAll('events').map(String) as WebhookEvent[];
    try {
      this.created = await this.api.createWebhook(String(data.get('url') ?? '').trim(), events);
      form.reset();
      this.message = '';
      await this.load();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private async setEnabled(hook: WebhookEndpoint, enabled: boolean) {
    try {
      await this.api.updateWebhook(hook.id, { enabled });
      this.message = enabled
        ? msg(str`${hook.url} is enabled.`, { id: 'ws.integrations.enabledNow' })
        : msg(str`${hook.url} is disabled: nothing is sent to it.`, {
            id: 'ws.integrations.disabledNow',
          });
      await this.load();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private async deleteHook(hook: WebhookEndpoint) {
    const sure = await confirmInPage(
      this,
      msg(str`Delete the webhook to ${hook.url}?`, { id: 'ws.integrations.deleteConfirm' }),
      msg('Delete webhook', { id: 'ws.integrations.deleteWebhook' }),
      { danger: true },
    );
    if (!sure) return;
    try {
      await this.api.deleteWebhook(hook.id);
      if (this.created?.id === hook.id) this.created = null;
      this.message = msg(str`${hook.url} is deleted.`, { id: 'ws.integrations.deleted' });
      await this.load();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private toggle(id: string) {
    const open = new Set(this.open);
    if (open.has(id)) open.delete(id);
    else open.add(id);
    this.open = open;
  }

  private state(hook: WebhookEndpoint): string {
    if (hook.enabled) return msg('Enabled', { id: 'ws.integrations.enabled' });
    return hook.disabledReason === 'gone'
      ? msg('Disabled: the receiver answered 410 Gone', { id: 'ws.integrations.gone' })
      : msg('Disabled', { id: 'ws.integrations.disabled' });
  }

  override render() {
    return html`<h2>${msg('Webhooks', { id: 'ws.integrations.hooksTitle' })}</h2>
      <p>${msg('Another system is told when something happens (ids only), signed per Standard Webhooks and retried for about a day. See docs/integrations.md.', { id: 'ws.integrations.hooksIntro' })}</p>
      <form @submit=${this.create}>
        <label>${msg('Receiver URL', { id: 'ws.integrations.url' })}
          <input name="url" type="url" required maxlength="2000" placeholder="https://" autocomplete="off" />
        </label>
        <fieldset>
          <legend>${msg('Events', { id: 'ws.integrations.events' })}</legend>
          ${WEBHOOK_EVENTS.map(
            (e) =>
              html`<label><input type="checkbox" name="events" value=${e} checked />${e}</label>`,
          )}
        </fieldset>
        <div><button type="submit">${msg('Add webhook', { id: 'ws.integrations.addHook' })}</button></div>
      </form>
      ${
        this.created
          ? html`<ws-shown-once .label=${msg(str`Signing secret for ${this.created.url}`, { id: 'ws.integrations.newSecret' })} .secret=${this.created.secret}></ws-shown-once>`
          : nothing
      }
      <p role="status">${this.message}</p>
      <ul aria-label=${msg('Webhooks', { id: 'ws.integrations.hooksTitle' })}>
        ${this.hooks.map(
          (hook) => html`<li>
            <strong>${hook.url}</strong>
            <div>${this.state(hook)} · ${hook.events.join(', ')}</div>
            <div class="actions">
              <button type="button" aria-expanded=${this.open.has(hook.id) ? 'true' : 'false'} @click=${() => this.toggle(hook.id)}>
                ${msg('Deliveries', { id: 'ws.integrations.deliveries' })}
              </button>
              <button type="button" @click=${() => this.setEnabled(hook, !hook.enabled)}>
                ${hook.enabled ? msg('Disable', { id: 'ws.integrations.disable' }) : msg('Enable', { id: 'ws.integrations.enable' })}
              </button>
              <button type="button" @click=${() => this.deleteHook(hook)}>${msg('Delete', { id: 'ws.integrations.delete' })}</button>
            </div>
            ${this.open.has(hook.id) ? html`<ws-webhook-deliveries .api=${this.api} .endpointId=${hook.id}></ws-webhook-deliveries>` : nothing}
          </li>`,
        )}
      </ul>
      ${this.hooks.length === 0 ? html`<p>${msg('No webhooks yet.', { id: 'ws.integrations.noHooks' })}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-webhooks-panel': WebhooksPanel;
  }
}
