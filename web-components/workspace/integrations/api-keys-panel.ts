import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiKey, ApiKeyRole, CreatedApiKey } from '../../../server/contracts/integrations.js';
import { baseStyles } from '../shared/base.styles.js';
import { confirmInPage } from '../shared/confirm-dialog.js';
import { errorText } from '../shared/error-text.js';
import { formatDateTime } from '../shared/format.js';
import type { IntegrationsApi } from './integrations-api.js';
import './shown-once.js';

const roleLabel = (role: ApiKeyRole) =>
  role === 'recruiter'
    ? msg('Recruiter', { id: 'ws.integrations.roleRecruiter' })
    : msg('Reviewer', { id: 'ws.integrations.roleReviewer' });

/** Admins create API keys for machines (shown once) and revoke them. */
@localized()
@customElement('ws-api-keys-panel')
export class ApiKeysPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
      }
      label {
        display: grid;
        gap: 0.25rem;
      }
      ul {
        list-style: none;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.5rem;
        border-bottom: 1px solid var(--t-border);
        padding: 0.6rem 0;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--t-muted);
        font-size: 0.9em;
      }
    `,
  ];

  @property({ attribute: false }) api!: IntegrationsApi;
  @state() private keys: ApiKey[] = [];
  @state() private created: CreatedApiKey | null = null;
  @state() private message = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.keys = await this.api.apiKeys();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      this.created = await this.api.createApiKey(
        String(data.get('name') ?? ''),
        data.get('role') === 'reviewer' ? 'reviewer' : 'recruiter',
      );
      form.reset();
      this.message = '';
      await this.load();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private async revoke(key: ApiKey) {
    const sure = await confirmInPage(
      this,
      msg(str`Revoke the key “${key.name}”? Anything using it is refused from now on.`, {
        id: 'ws.integrations.revokeConfirm',
      }),
      msg(str`Revoke “${key.name}”`, { id: 'ws.integrations.revokeNamed' }),
      { danger: true },
    );
    if (!sure) return;
    try {
      await this.api.revokeApiKey(key.id);
      if (this.created?.id === key.id) this.created = null;
      this.message = msg(str`“${key.name}” is revoked.`, { id: 'ws.integrations.revoked' });
      await this.load();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  override render() {
    return html`<h2>${msg('API keys', { id: 'ws.integrations.keysTitle' })}</h2>
      <p>${msg('A key lets another system (your applicant tracking system, a script) use the API as a staff member of its role. Send it as “Authorization: Bearer oik_…”.', { id: 'ws.integrations.keysIntro' })}</p>
      <form @submit=${this.create}>
        <label>${msg('Name', { id: 'ws.integrations.keyName' })}
          <input name="name" required maxlength="200" autocomplete="off" />
        </label>
        <label>${msg('Role', { id: 'ws.integrations.keyRole' })}
          <select name="role">
            <option value="recruiter">${roleLabel('recruiter')}</option>
            <option value="reviewer">${roleLabel('reviewer')}</option>
          </select>
        </label>
        <button type="submit">${msg('Create key', { id: 'ws.integrations.createKey' })}</button>
      </form>
      ${
        this.created
          ? html`<ws-shown-once .label=${msg(str`New key “${this.created.name}”`, { id: 'ws.integrations.newKey' })} .secret=${this.created.key}></ws-shown-once>`
          : nothing
      }
      <p role="status">${this.message}</p>
      <ul aria-label=${msg('API keys', { id: 'ws.integrations.keysTitle' })}>
        ${this.keys.map(
          (key) => html`<li>
            <div>
              <strong>${key.name}</strong> · ${roleLabel(key.role)}
              <div class="meta">
                ${msg('Created', { id: 'ws.integrations.created' })} ${formatDateTime(key.createdAt)} ·
                ${key.lastUsedAt ? html`${msg('last used', { id: 'ws.integrations.lastUsed' })} ${formatDateTime(key.lastUsedAt)}` : msg('never used', { id: 'ws.integrations.neverUsed' })}
              </div>
            </div>
            <button type="button" @click=${() => this.revoke(key)} aria-label=${msg(str`Revoke ${key.name}`, { id: 'ws.integrations.revokeLabel' })}>
              ${msg('Revoke', { id: 'ws.integrations.revoke' })}
            </button>
          </li>`,
        )}
      </ul>
      ${this.keys.length === 0 ? html`<p>${msg('No keys yet.', { id: 'ws.integrations.noKeys' })}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-api-keys-panel': ApiKeysPanel;
  }
}
