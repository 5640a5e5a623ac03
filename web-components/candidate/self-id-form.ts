import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CandidateSelfId } from '../../server/contracts/fairness.js';
import { sharedStyles } from './shared.styles.js';

/** The contract's answer for "I prefer not to say" (DECLINED in server/contracts/fairness.ts). */
const DECLINED = 'declined';

type Phase = 'loading' | 'hidden' | 'open' | 'saving' | 'saved' | 'dismissed' | 'failed';

/**
 * Voluntary self-identification, offered once the interview is finished: who sees the answers
 * and why, that declining changes nothing, each question with "I prefer not to say". Never
 * required: closing it sends nothing. The token and API origin are the recorder's: given as
 * properties, or found on the <interview-recorder> this form is rendered inside.
 */
@localized()
@customElement('self-id-form')
export class SelfIdForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        margin-top: 1.5rem;
        border-top: 1px solid var(--_border);
        padding-top: 1rem;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        margin: 0 0 1rem;
        padding: 0.5rem 1rem;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 44px;
      }
      input[type='radio'] {
        width: 1.25rem;
        height: 1.25rem;
      }
      input:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 2px;
      }
    `,
  ];

  @property() token = '';
  @property({ attribute: 'api-base' }) apiBase = '';
  @state() private phase: Phase = 'loading';
  @state() private form: CandidateSelfId | null = null;
  @state() private chosen: Record<string, string> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** The recorder around this form (across shadow roots), for its token and API origin. */
  private recorder(): { token?: string; apiBase?: string } | null {
    let node: Node = this;
    for (let depth = 0; depth < 6; depth++) {
      const root = node.getRootNode();
      if (!(root instanceof ShadowRoot)) return null;
      node = root.host;
      if ((node as Element).localName === 'interview-recorder') return node as never;
    }
    return null;
  }

  private async request(method: 'GET' | 'PUT', body?: unknown): Promise<Response> {
    const host = this.recorder();
    const token = this.token || host?.token || '';
    const base = (this.apiBase || host?.apiBase || '').replace(/\/$/, '');
    return fetch(`${base}/api/v1/candidate/self-id`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  private async load(): Promise<void> {
    try {
      const res = await this.request('GET');
      if (!res.ok) throw new Error(String(res.status));
      const form = (await res.json()) as CandidateSelfId;
      this.form = form;
      this.chosen = { ...(form.answers ?? {}) };
      this.phase = form.enabled && form.questions.length > 0 && !form.answers ? 'open' : 'hidden';
    } catch {
      // Optional: when it cannot load, the page simply does not offer it.
      this.phase = 'hidden';
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    this.phase = 'saving';
    try {
      const res = await this.request('PUT', { answers: this.chosen });
      this.phase = res.ok ? 'saved' : 'failed';
    } catch {
      this.phase = 'failed';
    }
  }

  override render() {
    if (this.phase === 'loading' || this.phase === 'hidden' || !this.form) return nothing;
    if (this.phase === 'saved' || this.phase === 'dismissed')
      return html`<p role="status">${
        this.phase === 'saved'
          ? msg('Thank you. Your answers are saved apart from your interview.', {
              id: 'cand.selfid.saved',
            })
          : msg('No problem: nothing was sent.', { id: 'cand.selfid.dismissed' })
      }</p>`;
    return html`<section aria-labelledby="selfid-title">
      <h2 id="selfid-title">${msg('Optional: help us check our process is fair', { id: 'cand.selfid.title' })}</h2>
      <p>${msg('We check that every stage of our process treats groups of candidates alike. These questions help us do that. Answering is voluntary: declining, or skipping a question, changes nothing about how your interview is assessed.', { id: 'cand.selfid.why' })}</p>
      <p>${msg('Who sees your answers: nobody who reviews or decides about your interview. They are stored apart from it; only administrators see totals for groups of 5 people or more in a fairness report. You can see them in your data download and erase them with everything else.', { id: 'cand.selfid.who' })}</p>
      <form @submit=${this.save}>
        ${this.form.questions.map(
          (q) => html`<fieldset>
            <legend>${q.prompt}</legend>
            ${[
              ...q.options,
              { key: DECLINED, label: msg('I prefer not to say', { id: 'cand.selfid.declined' }) },
            ].map(
              (o) => html`<label><input type="radio" name=${q.key} value=${o.key}
                .checked=${this.chosen[q.key] === o.key}
                @change=${() => {
                  this.chosen = { ...this.chosen, [q.key]: o.key };
                }}>${o.label}</label>`,
            )}
          </fieldset>`,
        )}
        ${this.phase === 'failed' ? html`<p role="alert">${msg('Your answers could not be saved. Try again, or leave it: it is optional.', { id: 'cand.selfid.failed' })}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.phase === 'saving'}>${msg('Save my answers', { id: 'cand.selfid.save' })}</button>
          <button type="button" @click=${() => {
            this.phase = 'dismissed';
          }}>${msg('No thanks', { id: 'cand.selfid.skip' })}</button>
        </div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'self-id-form': SelfIdForm;
  }
}
