import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApplicationRequest, PublicProgramme } from '../../server/contracts/programmes.js';
import { applyStyles } from './apply.styles.js';
import { closingDate } from './apply-localization.js';

/** What the person typed and chose; kept by the page so "go back" shows it again. */
export interface ApplyAnswers {
  name: string;
  email: string;
  locationKey: string;
  eligibility: Record<string, boolean>;
  consent: boolean;
  website: string;
}

export const emptyAnswers = (): ApplyAnswers => ({
  name: '',
  email: '',
  locationKey: '',
  eligibility: {},
  consent: false,
  website: '',
});

type Field = 'name' | 'email' | 'location' | 'consent' | `q-${string}`;

/** Loose on purpose: the server decides; this only catches a forgotten "@" before sending. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The application form: name, email, location with its closing date, the eligibility questions
 * and consent. Checks what it can before sending; announces `apply-submit` with the request.
 */
@localized()
@customElement('apply-form')
export class ApplyForm extends LitElement {
  static override styles = [
    applyStyles,
    css`
      :host {
        padding: 0;
      }
    `,
  ];

  @property({ attribute: false }) programme!: PublicProgramme;
  @property({ attribute: false }) answers: ApplyAnswers = emptyAnswers();
  @property({ type: Boolean }) busy = false;
  /** Field errors from the server (400), by field; shown like our own. */
  @property({ attribute: false }) serverErrors: Partial<Record<Field, string>> = {};
  @state() private errors: Partial<Record<Field, string>> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    const open = this.programme.locations.filter((l) => l.open);
    if (!this.answers.locationKey && open.length === 1) {
      this.answers = { ...this.answers, locationKey: open[0]!.key };
    }
  }

  private set<K extends keyof ApplyAnswers>(key: K, value: ApplyAnswers[K]) {
    this.answers = { ...this.answers, [key]: value };
  }

  private validate(): Partial<Record<Field, string>> {
    const a = this.answers;
    const errors: Partial<Record<Field, string>> = {};
    if (!a.name.trim()) errors.name = msg('Please enter your name.', { id: 'apply.err.name' });
    if (!EMAIL.test(a.email.trim()))
      errors.email = msg('Please enter an email address such as name@example.com.', {
        id: 'apply.err.email',
      });
    if (!a.locationKey)
      errors.location = msg('Please choose where you would like to work.', {
        id: 'apply.err.location',
      });
    for (const q of this.programme.eligibility) {
      if (typeof a.eligibility[q.key] !== 'boolean')
        errors[`q-${q.key}`] = msg('Please answer yes or no.', { id: 'apply.err.yesNo' });
    }
    if (!a.consent)
      errors.consent = msg('Please tick the box to apply.', { id: 'apply.err.consent' });
    return errors;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    this.errors = this.validate();
    const first = Object.keys(this.errors)[0];
    if (first) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus(),
      );
      return;
    }
    const a = this.answers;
    const request: ApplicationRequest = {
      name: a.name.trim(),
      email: a.email.trim(),
      locationKey: a.locationKey,
      eligibility: a.eligibility,
      consent: true,
      language: document.documentElement.lang === 'fr' ? 'fr' : 'en',
      website: a.website,
    };
    this.dispatchEvent(
      new CustomEvent('apply-submit', { detail: { request, answers: a }, bubbles: true }),
    );
  }

  private error(field: Field) {
    const text = this.errors[field] ?? this.serverErrors[field];
    return text ? html`<p class="error" id="${field}-error">${text}</p>` : nothing;
  }

  private invalid(field: Field) {
    return (this.errors[field] ?? this.serverErrors[field]) ? 'true' : 'false';
  }

  private described(field: Field, ...others: string[]) {
    const ids = [...others];
    if (this.errors[field] ?? this.serverErrors[field]) ids.push(`${field}-error`);
    return ids.join(' ') || nothing;
  }

  override render() {
    const a = this.answers;
    return html`<form novalidate @submit=${this.submit}>
      <div class="field">
        <label for="name">${msg('Your name', { id: 'apply.name' })}</label>
        <input id="name" data-field="name" type="text" autocomplete="name" maxlength="200"
          .value=${a.name} aria-invalid=${this.invalid('name')} aria-describedby=${this.described('name')}
          @input=${(e: Event) => this.set('name', (e.target as HTMLInputElement).value)} />
        ${this.error('name')}
      </div>
      <div class="field">
        <label for="email">${msg('Your email address', { id: 'apply.email' })}</label>
        <input id="email" data-field="email" type="email" autocomplete="email" inputmode="email" maxlength="254"
          spellcheck="false" .value=${a.email} aria-invalid=${this.invalid('email')}
          aria-describedby=${this.described('email', 'email-hint')}
          @input=${(e: Event) => this.set('email', (e.target as HTMLInputElement).value)} />
        <p class="hint" id="email-hint">${msg('We send your interview link here.', { id: 'apply.emailHint' })}</p>
        ${this.error('email')}
      </div>
      ${this.renderLocations()} ${this.programme.eligibility.map((q) => this.renderQuestion(q))}
      ${this.renderConsent()}
      <div class="honeypot" aria-hidden="true">
        <label for="website">Website</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${a.website}
          @input=${(e: Event) => this.set('website', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>
          ${this.busy ? msg('Sending…', { id: 'apply.sending' }) : msg('Apply now', { id: 'apply.submit' })}
        </button>
      </div>
    </form>`;
  }

  private renderLocations() {
    return html`<fieldset aria-describedby=${this.described('location')}>
      <legend>${msg('Where would you like to work?', { id: 'apply.location' })}</legend>
      ${this.programme.locations.map((l, i) => {
        const when = closingDate(l.deadline);
        return html`<label class="choice">
          <input type="radio" name="location" value=${l.key} ?disabled=${!l.open}
            data-field=${i === 0 ? 'location' : nothing}
            .checked=${this.answers.locationKey === l.key}
            @change=${() => this.set('locationKey', l.key)} />
          <span>${l.name}<span class="closes">${
            l.open
              ? msg(str`Applications close ${when}`, { id: 'apply.closes' })
              : msg(str`Applications closed ${when}`, { id: 'apply.closed' })
          }</span></span>
        </label>`;
      })}
      ${this.error('location')}
    </fieldset>`;
  }

  private renderQuestion(q: { key: string; prompt: string }) {
    const field: Field = `q-${q.key}`;
    const answer = this.answers.eligibility[q.key];
    const choose = (value: boolean) =>
      this.set('eligibility', { ...this.answers.eligibility, [q.key]: value });
    return html`<fieldset aria-describedby=${this.described(field)}>
      <legend>${q.prompt}</legend>
      <div class="yes-no">
        <label class="choice"><input type="radio" name=${field} data-field=${field}
          .checked=${answer === true} @change=${() => choose(true)} />${msg('Yes', { id: 'apply.yes' })}</label>
        <label class="choice"><input type="radio" name=${field}
          .checked=${answer === false} @change=${() => choose(false)} />${msg('No', { id: 'apply.no' })}</label>
      </div>
      ${this.error(field)}
    </fieldset>`;
  }

  /** The built-in notice in the page's language; an organiser's own words as written. */
  private consentText(): string {
    if (!this.programme.consentTextIsBuiltIn) return this.programme.consentText;
    return msg(
      'We keep your name, email, answers and recordings only to assess your application, for as long as the programme needs them. You may ask to see or erase them at any time.',
      { id: 'apply.builtInConsent' },
    );
  }

  private renderConsent() {
    return html`<fieldset>
      <legend>${msg('Your data', { id: 'apply.privacy' })}</legend>
      <div class="consent-text" id="consent-text" tabindex="0" role="region"
        aria-label=${msg('Privacy notice', { id: 'apply.privacyLabel' })}>${this.consentText()}</div>
      <label class="choice">
        <input type="checkbox" data-field="consent" .checked=${this.answers.consent}
          aria-invalid=${this.invalid('consent')} aria-describedby=${this.described('consent', 'consent-text')}
          @change=${(e: Event) => this.set('consent', (e.target as HTMLInputElement).checked)} />
        <span>${msg('I have read this notice and agree to my application and recorded answers being used this way.', { id: 'apply.consent' })}</span>
      </label>
      ${this.error('consent')}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'apply-form': ApplyForm;
  }
}
