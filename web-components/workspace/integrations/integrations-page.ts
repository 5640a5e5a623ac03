import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../shared/base.styles.js';
import type { WorkspaceContext } from '../workspace-context.js';
import './api-keys-panel.js';
import { integrationsApi } from './integrations-api.js';
import './webhooks-panel.js';

/** Admin: API keys and webhooks for other systems (issue 23). */
@localized()
@customElement('ws-integrations')
export class IntegrationsPage extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = msg('Integrations', { id: 'ws.integrations.title' });
  }

  override render() {
    const api = integrationsApi(this.ctx.api);
    return html`<h1>${msg('Integrations', { id: 'ws.integrations.title' })}</h1>
      <ul>
        <li><a href="/api/v1/reference">${msg('API reference (for people)', { id: 'ws.integrations.reference' })}</a></li>
        <li><a href="/api/v1/openapi.json">${msg('OpenAPI 3.1 document (for machines)', { id: 'ws.integrations.openapi' })}</a></li>
      </ul>
      <ws-api-keys-panel .api=${api}></ws-api-keys-panel>
      <ws-webhooks-panel .api=${api}></ws-webhooks-panel>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-integrations': IntegrationsPage;
  }
}
