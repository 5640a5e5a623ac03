import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { getLocale, type Locale, setLocale } from '../i18n/localization.js';

/** Each language named in itself, so that anyone can find their own whatever is shown now. */
const LANGUAGES: { locale: Locale; name: string }[] = [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
];

/**
 * English / Français, always visible: a candidate on a borrowed phone set to another language
 * can change it. The choice goes into the address (?lang=) so that a reload keeps it, and onto
 * <html lang> for screen readers.
 */
@customElement('language-switcher')
@localized()
export class LanguageSwitcher extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    button {
      font: inherit;
      min-height: 40px;
      padding: 0.125rem 0.75rem;
      border-radius: var(--t-radius-md, 0.25rem);
      border: 1px solid transparent;
      background: transparent;
      color: inherit;
      font-size: var(--t-size-sm, 0.9375rem);
      letter-spacing: 0.02em;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      border-color: var(--t-border, currentColor);
      font-weight: 700;
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    button:focus-visible {
      outline: 3px solid var(--ir-focus, var(--t-focus, #7a5223));
      outline-offset: 2px;
    }
  `;

  private async choose(locale: Locale): Promise<void> {
    document.documentElement.lang = locale;
    const url = new URL(location.href);
    url.searchParams.set('lang', locale);
    history.replaceState(history.state, '', url);
    await setLocale(locale);
  }

  override render() {
    const current = getLocale();
    return html`<nav aria-label=${msg('Language', { id: 'cand.language' })}>
      <ul>
        ${LANGUAGES.map(
          ({ locale, name }) => html`<li>
            <button lang=${locale} aria-pressed=${current === locale ? 'true' : 'false'}
              @click=${() => void this.choose(locale)}>${name}</button>
          </li>`,
        )}
      </ul>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'language-switcher': LanguageSwitcher;
  }
}
