import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApplicationRequest, PublicProgramme } from '../../server/contracts/programmes.js';
import { ApplyProblem, apply, getProgramme } from './apply-api.js';
import { type ApplyAnswers, emptyAnswers } from './apply-form.js';
import './apply-form.js';
import './keep-link.js';
import { applyStyles } from './apply.styles.js';
import {
  type ApplyLocale,
  closingDate,
  getLocale,
  preferredApplyLocale,
  useApplyLocale,
} from './apply-localization.js';

type View =
  | { kind: 'loading' }
  | { kind: 'unavailable'; problem: 'not-found' | 'network' }
  | { kind: 'form' }
  | { kind: 'sent'; email: string; deadline: string }
  | { kind: 'created'; url: string }
  | { kind: 'not-eligible' }
  | { kind: 'closed'; location: string; deadline: string };

/**
 * The public page of a programme at /apply/<slug>: apply in one short form, then one clear
 * outcome page. Its own bundle: nothing of the recorder or the workspace is downloaded here.
 */
@localized()
@customElement('apply-page')
export class ApplyPage extends LitElement {
  static override styles = applyStyles;

  private readonly slug = decodeURIComponent(
    location.pathname.split('/').filter(Boolean).pop() ?? '',
  );
  @state() private view: View = { kind: 'loading' };
  @state() private programme: PublicProgramme | null = null;
  @state() private answers: ApplyAnswers = emptyAnswers();
  @state() private busy = false;
  @state() private formProblem = '';
  @state() private serverErrors: Record<string, string> = {};
  @state() private localeReady = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const locale = preferredApplyLocale();
    useApplyLocale(locale)
      .catch(() => {}) // English stays if the translation cannot load
      .finally(() => {
        this.localeReady = true;
      });
    void this.load(locale);
  }

  private async load(locale: ApplyLocale) {
    try {
      this.programme = await getProgramme(this.slug, locale);
      this.view = { kind: 'form' };
    } catch (err) {
      const notFound = err instanceof ApplyProblem && err.status === 404;
      this.view = { kind: 'unavailable', problem: notFound ? 'not-found' : 'network' };
    }
  }

  private async onSubmit(
    event: CustomEvent<{ request: ApplicationRequest; answers: ApplyAnswers }>,
  ) {
    const { request, answers } = event.detail;
    this.answers = answers;
    this.busy = true;
    this.formProblem = '';
    this.serverErrors = {};
    const location = this.programme!.locations.find((l) => l.key === request.locationKey)!;
    try {
      const outcome = await apply(this.slug, request);
      this.view =
        outcome.status === 'created'
          ? { kind: 'created', url: outcome.url }
          : { kind: 'sent', email: request.email, deadline: location.deadline };
    } catch (err) {
      this.onProblem(err, location);
    } finally {
      this.busy = false;
    }
  }

  private onProblem(err: unknown, location: { name: string; deadline: string }) {
    if (!(err instanceof ApplyProblem)) {
      this.formProblem = msg(
        'We could not reach the server. Check your connection and press "Apply now" again: nothing you typed is lost.',
        { id: 'apply.offline' },
      );
    } else if (err.code === 'not_eligible') {
      this.view = { kind: 'not-eligible' };
    } else if (err.status === 410) {
      this.view = { kind: 'closed', location: location.name, deadline: location.deadline };
    } else if (err.status === 429) {
      const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 600) / 60));
      this.formProblem = msg(
        str`We cannot take more applications right now. Please try again in ${minutes} minute(s).`,
        { id: 'apply.rateLimited' },
      );
    } else if (err.status === 400 && err.errors.length) {
      this.serverErrors = Object.fromEntries(
        err.errors.map((e) => [fieldOf(e.path), serverFieldError(fieldOf(e.path))]),
      );
      this.formProblem = msg('Please check the highlighted answers.', { id: 'apply.checkForm' });
    } else {
      this.formProblem = err.message;
    }
  }

  private switchTo(locale: ApplyLocale) {
    const url = new URL(location.href);
    url.searchParams.set('lang', locale);
    history.replaceState(history.state, '', url);
    void useApplyLocale(locale);
    // The organisers' texts follow (issue 21), if they wrote them in that language.
    void getProgramme(this.slug, locale)
      .then((programme) => {
        this.programme = programme;
      })
      .catch(() => {});
  }

  protected override updated(changed: PropertyValues): void {
    document.title = this.pageTitle();
    // A new outcome: move focus to its heading, so keyboard and screen-reader users start there.
    const previous = changed.get('view') as View | undefined;
    if (previous && previous.kind !== 'loading') this.renderRoot.querySelector('h1')?.focus();
  }

  private pageTitle(): string {
    const name = this.programme?.title;
    const headline = this.headline();
    return name && headline !== name ? `${headline} – ${name}` : headline;
  }

  private headline(): string {
    switch (this.view.kind) {
      case 'loading':
        return msg('Loading…', { id: 'apply.loading' });
      case 'unavailable':
        return this.view.problem === 'not-found'
          ? msg('This programme is not open for applications', { id: 'apply.notFound' })
          : msg('We cannot reach the server', { id: 'apply.unreachable' });
      case 'form':
        return this.programme!.title;
      case 'sent':
        return msg('Check your email', { id: 'apply.sentTitle' });
      case 'created':
        return msg('You can start now', { id: 'apply.createdTitle' });
      case 'not-eligible':
        return msg('Thank you for your interest', { id: 'apply.notEligibleTitle' });
      case 'closed':
        return msg(str`Applications for ${this.view.location} have closed`, {
          id: 'apply.closedTitle',
        });
    }
  }

  override render() {
    if (!this.localeReady) return nothing;
    const current = getLocale();
    return html`<nav class="languages" aria-label=${msg('Language', { id: 'apply.language' })}>
        <button type="button" lang="en" aria-current=${current === 'en' ? 'true' : 'false'}
          @click=${() => this.switchTo('en')}>English</button>
        <button type="button" lang="fr" aria-current=${current === 'fr' ? 'true' : 'false'}
          @click=${() => this.switchTo('fr')}>Français</button>
      </nav>
      <main>
        <h1 tabindex="-1">${this.headline()}</h1>
        ${this.body()}
      </main>`;
  }

  private body() {
    const view = this.view;
    switch (view.kind) {
      case 'loading':
        return html`<p aria-busy="true" role="status"></p>`;
      case 'unavailable':
        return view.problem === 'not-found'
          ? html`<p>${msg('The link may be mistyped, or applications have ended. Please check with the organisation that shared it.', { id: 'apply.notFoundBody' })}</p>`
          : html`<p>${msg('Check your connection, then reload this page.', { id: 'apply.unreachableBody' })}</p>`;
      case 'form':
        return this.renderForm();
      case 'sent':
        return html`<p>${msg(str`We have sent a link to ${view.email}. Open it to record your interview; it works until ${closingDate(view.deadline)}.`, { id: 'apply.sentBody' })}</p>
          <p class="muted">${msg('It can take a few minutes to arrive. If you cannot find it, look in your spam folder, or apply again with the same address to receive a new link.', { id: 'apply.sentHelp' })}</p>`;
      case 'created':
        return html`<p>${msg('Your interview is ready. Keep this link: it is the only way back to your interview.', { id: 'apply.createdBody' })}</p>
          <apply-keep-link url=${view.url}></apply-keep-link>
          <p class="actions"><a class="button primary" href=${view.url}>${msg('Start my interview', { id: 'apply.start' })}</a></p>`;
      case 'not-eligible':
        return html`<p>${msg('From your answers, this programme is not open to you at the moment, so we cannot offer you an interview. We have not kept your answers or your details.', { id: 'apply.notEligibleBody' })}</p>
          <p class="muted">${msg('If you answered by mistake, you can go back and change your answers.', { id: 'apply.notEligibleHelp' })}</p>
          <p class="actions"><button type="button" @click=${() => {
            this.view = { kind: 'form' };
          }}>${msg('Back to the form', { id: 'apply.back' })}</button></p>`;
      case 'closed':
        return html`<p>${msg(str`Applications for ${view.location} closed on ${closingDate(view.deadline)}.`, { id: 'apply.closedBody' })}</p>
          <p class="actions"><button type="button" @click=${() => {
            this.view = { kind: 'form' };
            void this.load(document.documentElement.lang === 'fr' ? 'fr' : 'en');
          }}>${msg('See other locations', { id: 'apply.otherLocations' })}</button></p>`;
    }
  }

  private renderForm() {
    const programme = this.programme!;
    return html`${programme.intro ? html`<p class="intro">${programme.intro}</p>` : nothing}
      <div role="alert">${this.formProblem ? html`<p class="notice problem">${this.formProblem}</p>` : nothing}</div>
      <apply-form .programme=${programme} .answers=${this.answers} .busy=${this.busy}
        .serverErrors=${this.serverErrors} @apply-submit=${this.onSubmit}></apply-form>`;
  }
}

/** The form field a server error's path points at (`eligibility.rights` → `q-rights`). */
/**
 * The server's field messages are English words for developers; the applicant reads what to do
 * about the field, in the page's language.
 */
function serverFieldError(field: string): string {
  if (field === 'name')
    return msg('Please write your name as ordinary text, on one line, up to 200 characters.', {
      id: 'apply.err.nameText',
    });
  if (field === 'email')
    return msg('Please enter an email address such as name@example.com.', {
      id: 'apply.err.email',
    });
  if (field === 'location')
    return msg('Please choose where you would like to work.', { id: 'apply.err.location' });
  if (field === 'consent') return msg('Please tick the box to apply.', { id: 'apply.err.consent' });
  if (field.startsWith('q-')) return msg('Please answer yes or no.', { id: 'apply.err.yesNo' });
  return msg('Please check this answer.', { id: 'apply.err.other' });
}

function fieldOf(path: string): string {
  if (path.startsWith('eligibility.')) return `q-${path.slice('eligibility.'.length)}`;
  if (path === 'locationKey') return 'location';
  return path;
}

declare global {
  interface HTMLElementTagNameMap {
    'apply-page': ApplyPage;
  }
}
