import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CandidatePrivacy } from '../../server/contracts/data-rights.js';
import { formattingLocale } from '../i18n/formatting-locale.js';
import { readableExport } from './readable-export.js';
import { clearOutbox } from './upload/outbox.js';
import { forgetAllRescued } from './upload/rescue-store.js';

type Phase = 'closed' | 'loading' | 'ready' | 'confirming' | 'erasing' | 'erased' | 'failed';

/**
 * "Your data": the privacy notice, consent, a download of everything held about the candidate
 * and erasure, from their own link, whatever state the interview is in (also once closed).
 */
@localized()
@customElement('candidate-your-data')
export class CandidateYourData extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 40rem;
      margin: 2rem auto 1rem;
      padding: 0 1rem;
      font: inherit;
    }
    details {
      border-top: 1px solid var(--t-rule);
      padding-top: 0.75rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      padding: 0.5rem 0;
      min-height: 44px;
      display: flex;
      align-items: center;
    }
    :is(summary, button, a):focus-visible {
      outline: var(--t-focus-width) solid var(--t-focus);
      outline-offset: var(--t-focus-offset);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin: 1rem 0;
    }
    button {
      font: inherit;
      min-height: 44px;
      padding: 0.5rem 1rem;
      font-weight: 600;
      border-radius: var(--t-radius-md);
      border: 1px solid var(--t-border);
      background: var(--t-raised);
      color: var(--t-ink);
      cursor: pointer;
    }
    button.danger {
      border-color: var(--t-danger);
      color: var(--t-danger);
    }
    button.danger.confirm {
      background: var(--t-danger);
      color: var(--t-on-danger);
    }
    .warning {
      border: 2px solid var(--t-danger);
      border-radius: var(--t-radius-md);
      padding: 0.75rem 1rem;
    }
    .privacy {
      white-space: pre-wrap;
    }
  `;

  @property() token = '';
  @property() baseUrl = '';
  @state() private phase: Phase = 'closed';
  @state() private privacy: CandidatePrivacy | null = null;
  @state() private message = '';

  async #fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.baseUrl}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
  }

  async #load(): Promise<void> {
    this.phase = 'loading';
    try {
      const res = await this.#fetch('/candidate/privacy');
      if (res.status === 404) {
        this.phase = 'erased';
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      this.privacy = (await res.json()) as CandidatePrivacy;
      this.phase = 'ready';
    } catch {
      this.phase = 'failed';
    }
  }

  #toggled(event: Event): void {
    const open = (event.target as HTMLDetailsElement).open;
    if (open && (this.phase === 'closed' || this.phase === 'failed')) void this.#load();
  }

  async #consent(): Promise<void> {
    if (!this.privacy) return;
    const res = await this.#fetch('/candidate/consent', {
      method: 'POST',
      body: JSON.stringify({ version: this.privacy.version }),
    });
    if (res.ok) this.privacy = (await res.json()) as CandidatePrivacy;
  }

  /**
   * The export as the JSON file (for a machine, or another service), or as a page to read or
   * print in the language of this page (issue 21), made here from the same JSON.
   */
  async #download(readable: boolean): Promise<void> {
    const res = await this.#fetch('/candidate/export');
    if (!res.ok) {
      this.message = msg('Your data could not be downloaded. Try again.', {
        id: 'cand.data.downloadFailed',
      });
      return;
    }
    const file = readable
      ? new Blob([readableExport(await res.json(), document.documentElement.lang || 'en')], {
          type: 'text/html',
        })
      : await res.blob();
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = readable ? 'my-interview-data.html' : 'my-interview-data.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.message = msg('Your data was downloaded.', { id: 'cand.data.downloaded' });
  }

  async #erase(): Promise<void> {
    this.phase = 'erasing';
    const res = await this.#fetch('/candidate/erase', {
      method: 'POST',
      body: JSON.stringify({ confirm: true }),
    });
    if (res.status === 202 || res.status === 404) {
      // Slices not yet uploaded are copies too: the device forgets them as well.
      forgetAllRescued();
      await clearOutbox().catch(() => {});
      this.phase = 'erased';
      this.dispatchEvent(new CustomEvent('data-erased', { bubbles: true, composed: true }));
    } else {
      this.phase = 'confirming';
      this.message = msg('Your data could not be erased. Try again.', {
        id: 'cand.data.eraseFailed',
      });
    }
  }

  override render() {
    return html`<details @toggle=${this.#toggled} ?open=${this.phase === 'erased'}>
      <summary>${msg('Your data', { id: 'cand.data.title' })}</summary>
      <section aria-live="polite">${this.#body()}</section>
      <p role="status">${this.message}</p>
    </details>`;
  }

  #body() {
    switch (this.phase) {
      case 'closed':
      case 'loading':
        return html`<p>${msg('Loading…', { id: 'cand.data.loading' })}</p>`;
      case 'failed':
        return html`<p>${msg('This could not be loaded. Close and open this section to try again.', { id: 'cand.data.loadFailed' })}</p>`;
      case 'erased':
        return html`<p role="alert">
          ${msg('Your data has been erased: your name, email address, recordings and everything about this interview are gone.', { id: 'cand.data.erased' })}
        </p>`;
      default:
        return this.#details();
    }
  }

  #details() {
    const p = this.privacy!;
    const erasedBy = new Date(p.erasedBy).toLocaleDateString(
      formattingLocale(document.documentElement.lang || undefined),
      {
        dateStyle: 'long',
      },
    );
    return html`
      <h2>${msg('How your data is used', { id: 'cand.data.privacyTitle' })}</h2>
      <p class="privacy">${p.custom ? p.text : BUILT_IN_TEXT()}</p>
      <p>${msg(str`Everything you recorded here is erased on ${erasedBy} at the latest.`, { id: 'cand.data.erasedBy' })}</p>
      ${
        p.consentedAt
          ? html`<p>${msg(str`You agreed to this on ${new Date(p.consentedAt).toLocaleString(formattingLocale(document.documentElement.lang || undefined))}.`, { id: 'cand.data.consented' })}</p>`
          : html`<div class="actions"><button @click=${this.#consent}>${msg('I agree', { id: 'cand.data.agree' })}</button></div>`
      }
      <div class="actions">
        <button @click=${() => this.#download(true)}>${msg('Download a readable copy (web page)', { id: 'cand.data.downloadReadable' })}</button>
        <button @click=${() => this.#download(false)}>${msg('Download my data', { id: 'cand.data.download' })} (JSON)</button>
        ${
          this.phase === 'ready'
            ? html`<button class="danger" @click=${() => {
                this.phase = 'confirming';
              }}>${msg('Erase my data…', { id: 'cand.data.erase' })}</button>`
            : nothing
        }
      </div>
      ${this.phase === 'confirming' || this.phase === 'erasing' ? this.#confirmation() : nothing}
    `;
  }

  #confirmation() {
    return html`<div class="warning" role="group" aria-labelledby="erase-title">
      <h3 id="erase-title">${msg('Erase everything?', { id: 'cand.data.confirmTitle' })}</h3>
      <p>${msg('This deletes your name, your email address, every recording and answer you made, and the ratings, decision and feedback about them. Your link will stop working. This cannot be undone.', { id: 'cand.data.confirmBody' })}</p>
      <div class="actions">
        <button class="danger confirm" ?disabled=${this.phase === 'erasing'} @click=${this.#erase}>
          ${msg('Erase everything', { id: 'cand.data.confirm' })}
        </button>
        <button ?disabled=${this.phase === 'erasing'} @click=${() => {
          this.phase = 'ready';
        }}>${msg('Cancel', { id: 'cand.data.cancel' })}</button>
      </div>
    </div>`;
  }
}

/** The server's built-in notice, in the page's language. */
function BUILT_IN_TEXT(): string {
  return msg(
    'Your name, email address and the recordings you make here are used only to assess your application, and only the people who evaluate it can see them. They are erased automatically after the retention period shown below, or at once when you ask from "Your data". You can download a copy of your data there at any time.',
    { id: 'cand.data.builtInPrivacy' },
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'candidate-your-data': CandidateYourData;
  }
}
