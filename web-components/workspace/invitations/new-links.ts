import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Invitation } from '../../../server/contracts/api.js';
import { workspaceEvent } from '../events.js';
import { baseStyles } from '../shared/base.styles.js';
import { copyText } from '../shared/clipboard.js';
import { newLinksStyles } from './new-links.styles.js';

/**
 * Interview links right after they are made. The server keeps only a fingerprint of each link,
 * so this is the one chance to copy them; the text says so plainly.
 */
@localized()
@customElement('ws-new-links')
export class NewLinks extends LitElement {
  static override styles = [baseStyles, newLinksStyles];

  @property({ attribute: false }) invitations: Invitation[] = [];
  @state() private copied = '';

  private async copy(text: string, field: HTMLInputElement | null, what: string) {
    const ok = await copyText(text, field);
    this.copied = ok
      ? msg(str`Copied: ${what}.`, { id: 'ws.links.copied' })
      : msg('Copying is blocked here: select the link and copy it yourself.', {
          id: 'ws.links.copyFailed',
        });
  }

  private copyAll() {
    // Tab-separated: pastes into a spreadsheet as three columns, and reads fine in an email.
    const lines = this.invitations.map((i) =>
      [i.candidate.name, i.candidate.email, i.url].join('\t'),
    );
    void this.copy(lines.join('\n'), null, msg('all links', { id: 'ws.links.allWhat' }));
  }

  override render() {
    return html`<section aria-labelledby="links-title">
      <h3 id="links-title">${msg('New interview links', { id: 'ws.links.title' })}</h3>
      <p>${msg('Copy these links now and send each one to its candidate. For security they are not stored and cannot be shown again; if one is lost, use "New link" beside the candidate (the old link then stops working).', { id: 'ws.links.explain' })}</p>
      <ul class="plain">
        ${this.invitations.map((invitation) => {
          const id = `link-${invitation.id}`;
          const who = `${invitation.candidate.name} <${invitation.candidate.email}>`;
          return html`<li>
            <label for=${id}>${who}</label>
            <div class="link">
              <input id=${id} readonly .value=${invitation.url ?? ''} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
              <button type="button" aria-label=${msg(str`Copy the link for ${invitation.candidate.name}`, { id: 'ws.links.copyLabel' })}
                @click=${() => this.copy(invitation.url ?? '', this.renderRoot.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`), invitation.candidate.name)}>
                ${msg('Copy', { id: 'ws.links.copy' })}
              </button>
            </div>
          </li>`;
        })}
      </ul>
      <div class="row">
        <button type="button" @click=${this.copyAll}>${msg('Copy all (name, email, link)', { id: 'ws.links.copyAll' })}</button>
        <button type="button" @click=${() => this.dispatchEvent(workspaceEvent('ws-links-dismissed', {}))}>${msg('I have copied them', { id: 'ws.links.dismiss' })}</button>
      </div>
      <p role="status">${this.copied}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-new-links': NewLinks;
  }
}
