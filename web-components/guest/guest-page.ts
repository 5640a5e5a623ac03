import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { GuestRating, GuestSession } from '../../server/contracts/sharing.js';
import { GuestProblem, guestSession, rateAnswer, tokenFromPath } from './guest-api.js';
import './guest-answer.js';
import { tokenStyles } from '../design/tokens.js';
import { guestPageStyles, guestStyles } from './guest.styles.js';
import {
  type GuestLocale,
  getLocale,
  preferredGuestLocale,
  useGuestLocale,
} from './guest-localization.js';

type View = 'loading' | 'ready' | 'gone' | 'unreachable';

/**
 * The hiring manager's page at /s/<token>: one candidate's answers, one question at a time
 * (the video, the question, what to look for, and a score when the link allows), and nothing
 * else. A link that ran out or was withdrawn gets a page that says so, and only that.
 */
// localized() must run before customElement(): <guest-page> is already in the HTML, so
// defining it upgrades it at once, and an element upgraded before localized() added its
// initializer would never re-render on a language switch.
@customElement('guest-page')
@localized()
export class GuestPage extends LitElement {
  static override styles = [tokenStyles, guestStyles, guestPageStyles];

  private readonly token = tokenFromPath();
  @state() private view: View = 'loading';
  @state() private session: GuestSession | null = null;
  @state() private index = 0;
  @state() private localeReady = false;
  /** Ratings saved from this page, so going back to a question shows them. */
  private readonly saved = new Map<string, GuestRating>();

  override connectedCallback(): void {
    super.connectedCallback();
    useGuestLocale(preferredGuestLocale())
      .catch(() => {}) // English stays if the translation cannot load
      .finally(() => {
        this.localeReady = true;
      });
    void this.load();
  }

  private async load() {
    try {
      this.session = await guestSession(this.token);
      for (const answer of this.session.answers)
        if (answer.myRating) this.saved.set(answer.answerId, answer.myRating);
      this.index = Math.min(this.index, Math.max(0, this.session.answers.length - 1));
      this.view = 'ready';
    } catch (err) {
      this.view = err instanceof GuestProblem && err.status < 500 ? 'gone' : 'unreachable';
    }
  }

  private save = async (answerId: string, rating: GuestRating) => {
    const saved = await rateAnswer(this.token, answerId, rating);
    this.saved.set(answerId, saved);
    return saved;
  };

  private async go(index: number) {
    this.index = index;
    await this.updateComplete;
    // Start the next question at its heading, for keyboards and screen readers alike.
    const answer = this.renderRoot.querySelector('guest-answer');
    await answer?.updateComplete;
    answer?.shadowRoot?.querySelector<HTMLElement>('#q-title')?.focus();
    answer?.scrollIntoView({ block: 'start' });
  }

  private switchTo(locale: GuestLocale) {
    const url = new URL(location.href);
    url.searchParams.set('lang', locale);
    history.replaceState(history.state, '', url);
    void useGuestLocale(locale);
  }

  protected override updated(changed: PropertyValues): void {
    document.title = this.pageTitle();
    // Revoked while open: the page changes under the reader, so say where they are now.
    if (changed.get('view') === 'ready') this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private candidateName(session: GuestSession) {
    return session.candidate.name || session.candidate.label;
  }

  private pageTitle(): string {
    if (this.view === 'ready' && this.session)
      return `${this.candidateName(this.session)} – ${this.session.interview.title}`;
    return this.headline();
  }

  private headline(): string {
    switch (this.view) {
      case 'loading':
        return msg('Loading…', { id: 'guest.loading' });
      case 'gone':
        return msg('This link has expired or was withdrawn', { id: 'guest.gone' });
      case 'unreachable':
        return msg('We cannot reach the server', { id: 'guest.unreachable' });
      case 'ready':
        return this.candidateName(this.session!);
    }
  }

  override render() {
    if (!this.localeReady) return nothing;
    const current = getLocale();
    return html`<header>
        <nav class="languages" aria-label=${msg('Language', { id: 'guest.language' })}>
          <button type="button" lang="en" aria-current=${current === 'en' ? 'true' : 'false'}
            @click=${() => this.switchTo('en')}>English</button>
          <button type="button" lang="fr" aria-current=${current === 'fr' ? 'true' : 'false'}
            @click=${() => this.switchTo('fr')}>Français</button>
        </nav>
      </header>
      <main @guest-reload=${() => void this.load()} @guest-gone=${() => {
        this.view = 'gone';
      }}>
        ${this.view === 'ready' && this.session ? this.renderSession(this.session) : this.renderMessage()}
      </main>`;
  }

  private renderMessage() {
    return html`<h1 tabindex="-1">${this.headline()}</h1>
      ${
        this.view === 'gone'
          ? html`<p>${msg('The answers shared with you are no longer available through this link. If you still need them, ask the person who sent it for a new one.', { id: 'guest.goneBody' })}</p>`
          : nothing
      }
      ${
        this.view === 'unreachable'
          ? html`<p>${msg('Check your connection, then try again.', { id: 'guest.unreachableBody' })}</p>
            <button type="button" @click=${() => void this.load()}>${msg('Try again', { id: 'guest.retry' })}</button>`
          : html`<p role="status" aria-busy=${this.view === 'loading' ? 'true' : 'false'}></p>`
      }`;
  }

  private renderSession(session: GuestSession) {
    const count = session.answers.length;
    const answer = session.answers[this.index];
    return html`<h1 tabindex="-1">${this.candidateName(session)}</h1>
      <p class="sub">${session.interview.title}</p>
      <p class="hint">${msg(str`Shared with ${session.recipientName}. Please do not pass this link on.`, { id: 'guest.sharedWith' })}</p>
      ${count > 1 ? this.renderNav(count) : nothing}
      ${
        answer
          ? html`<guest-answer .answer=${answer} .number=${this.index + 1} .count=${count}
          .competencies=${session.interview.competencies} ?allowRating=${session.allowRating}
          .saved=${this.saved.get(answer.answerId) ?? null} .save=${this.save}></guest-answer>`
          : html`<p>${msg('There are no answers to show.', { id: 'guest.noAnswers' })}</p>`
      }
      ${count > 1 ? this.renderSteps(count) : nothing}`;
  }

  private renderNav(count: number) {
    return html`<nav class="questions" aria-label=${msg('Questions', { id: 'guest.questions' })}><ol>
      ${Array.from({ length: count }, (_, i) => {
        const rated = this.saved.has(this.session!.answers[i]!.answerId);
        return html`<li><button type="button" aria-current=${i === this.index ? 'step' : 'false'}
          @click=${() => this.go(i)}>${msg(str`Q${i + 1}`, { id: 'guest.navQ' })}${
            rated
              ? html`<span aria-hidden="true"> ✓</span><span class="visually-hidden">${msg('rated', { id: 'guest.navRated' })}</span>`
              : nothing
          }</button></li>`;
      })}
    </ol></nav>`;
  }

  private renderSteps(count: number) {
    return html`<div class="steps">
      <button type="button" ?disabled=${this.index === 0} @click=${() => this.go(this.index - 1)}>← ${msg('Previous question', { id: 'guest.previous' })}</button>
      <button type="button" class="primary" ?disabled=${this.index === count - 1} @click=${() => this.go(this.index + 1)}>${msg('Next question', { id: 'guest.next' })} →</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guest-page': GuestPage;
  }
}
