import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/**
 * The candidate's interview link written out in full, with a button that copies it: without a
 * mail server it is the only way back, so it must be something a person can see and keep, not
 * only a button (issue 21).
 */
@localized()
@customElement('apply-keep-link')
export class KeepLink extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: 0.75rem 0;
    }
    .link {
      display: block;
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: var(--t-size-sm);
      overflow-wrap: anywhere;
      padding: 0.5rem 0.75rem;
      border: 1px solid currentColor;
      border-radius: var(--t-radius-md);
      margin: 0.25rem 0 0.5rem;
      user-select: all;
    }
    button {
      font: inherit;
      font-weight: 600;
      min-height: 44px;
      padding: 0.5rem 1rem;
      border-radius: var(--t-radius-md);
      border: 2px solid currentColor;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    button:focus-visible {
      outline: var(--t-focus-width) solid var(--t-focus);
      outline-offset: var(--t-focus-offset);
    }
  `;

  @property() url = '';
  @state() private status = '';

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.url);
      this.status = msg('Link copied.', { id: 'apply.linkCopied' });
    } catch {
      // No clipboard (an old browser, or permission refused): select it for a manual copy.
      const text = this.renderRoot.querySelector('.link');
      if (text) getSelection()?.selectAllChildren(text);
      this.status = msg('Copying did not work: the link is selected, copy it yourself.', {
        id: 'apply.linkCopyFailed',
      });
    }
  }

  override render() {
    return html`<p>${msg('Your interview link:', { id: 'apply.linkLabel' })}</p>
      <span class="link">${this.url}</span>
      <button type="button" @click=${this.copy}>${msg('Copy the link', { id: 'apply.copyLink' })}</button>
      <p role="status">${this.status}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'apply-keep-link': KeepLink;
  }
}
