import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { applyPreferredLocale } from './i18n/localization.js';
import { rememberedLanguage } from './workspace/shell/language-choice.js';
import './workspace/shell/workspace-shell.js';

/**
 * The page at `/`: the staff workspace. Light DOM host (no shadow root of its own) so the
 * workspace fills the page; the language (the address's, else the one chosen before on this
 * device, else the browser's) is set before the first screen renders.
 */
@customElement('staff-home')
export class StaffHome extends LitElement {
  private localeReady = false;

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    applyPreferredLocale(rememberedLanguage())
      .catch(() => {}) // English stays if a translation cannot load
      .finally(() => {
        this.localeReady = true;
        this.requestUpdate();
      });
  }

  override render() {
    return this.localeReady ? html`<ws-shell></ws-shell>` : html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-home': StaffHome;
  }
}
