import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { User } from '../../../server/contracts/api.js';
import { getLocale, type Locale, setLocale } from '../../i18n/localization.js';
import { signOutRequest, WorkspaceApi } from '../api/workspace-api.js';
import type { WorkspaceEvent } from '../events.js';
import { LiveFeed } from '../live/live-feed.js';
import { SessionStore } from '../session/session-store.js';
import '../session/change-password.js';
import '../session/sign-in-form.js';
import { baseStyles, themeTokens } from '../shared/base.styles.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { rememberLanguage } from './language-choice.js';
import { href, RouteController } from './routes.js';
import { renderView } from './view-outlet.js';
import { shellStyles } from './workspace-shell.styles.js';

/**
 * The staff workspace: sign-in, navigation, the current screen, and the live connection.
 * When the session expires the screen stays (inert) under a sign-in dialog, so nothing typed
 * is lost; signing in as someone else starts afresh.
 */
@localized()
@customElement('ws-shell')
export class WorkspaceShell extends LitElement {
  static override styles = [themeTokens, baseStyles, shellStyles];

  private readonly session = new SessionStore();
  private readonly api = new WorkspaceApi(this.session);
  private readonly live = new LiveFeed();
  private readonly routes = new RouteController(this);
  /** The person whose screens are on the page (kept while their session is expired). */
  @state() private shownUser = this.session.session?.user ?? null;
  @state() private connected = false;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('main') private main?: HTMLElement;
  @query('ws-sign-in') private signIn?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.addEventListener('change', this.onSessionChange);
    this.live.addEventListener('connection', this.onConnection);
    this.live.addEventListener('unauthorized', this.onUnauthorized);
    const saved = this.session.session;
    if (saved) {
      if (!saved.user.mustChangePassword) this.live.connect(saved.token);
      // The stored user may be stale (renamed, role changed): ask the server who this is.
      this.api.me().then(
        (user) => {
          if (this.session.session?.token === saved.token) this.session.signIn(saved.token, user);
        },
        () => {}, // a refused token already ended the session
      );
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session.removeEventListener('change', this.onSessionChange);
    this.live.removeEventListener('connection', this.onConnection);
    this.live.removeEventListener('unauthorized', this.onUnauthorized);
    this.live.disconnect();
  }

  private onSessionChange = () => {
    const current = this.session.session;
    if (current) {
      this.shownUser = current.user;
      // A token waiting for its password change gets no live events (the server refuses it).
      if (current.user.mustChangePassword) this.live.disconnect();
      else this.live.connect(current.token);
    } else {
      this.live.disconnect();
      if (this.session.signedOutReason !== 'expired') this.shownUser = null;
    }
    this.requestUpdate();
  };

  private onConnection = () => {
    this.connected = this.live.connected;
  };

  private onUnauthorized = () => this.session.expire();

  private onSignedIn(event: WorkspaceEvent<'ws-signed-in'>) {
    this.session.signIn(event.detail.token, event.detail.user);
  }

  private async changeLanguage(event: Event) {
    const locale = (event.target as HTMLSelectElement).value as Locale;
    const url = new URL(location.href);
    url.searchParams.set('lang', locale);
    history.replaceState(null, '', url);
    rememberLanguage(locale);
    document.documentElement.lang = locale;
    await setLocale(locale);
  }

  private previousView = '';

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.dialog && !this.dialog.open) {
      this.dialog.showModal();
      this.signIn?.focus();
    }
    // A new screen: move focus to it, as a page load would, so screen readers announce it.
    const view = JSON.stringify(this.routes.route);
    if (view !== this.previousView && this.previousView) this.main?.focus();
    this.previousView = view;
  }

  override render() {
    const user = this.shownUser;
    if (!user) {
      return html`<div class="signed-out">
        <ws-sign-in reason=${this.session.signedOutReason} @ws-signed-in=${this.onSignedIn}></ws-sign-in>
      </div>`;
    }
    const expired = !this.session.session;
    const ctx = this.contextFor(user);
    if (user.mustChangePassword && !expired) return this.renderForcedPasswordChange(ctx);
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${msg('Skip to content', { id: 'ws.shell.skip' })}</a>
      <div ?inert=${expired}>
        ${this.renderHeader(ctx)}
        <main id="main" tabindex="-1">${keyed(user.id, renderView(this.routes.route, ctx))}</main>
      </div>
      ${expired ? this.renderExpiredDialog(user.email) : nothing}
    `;
  }

  #ctx: WorkspaceContext | null = null;

  /** The same object while the same person is shown, so views do not reload on every render. */
  private contextFor(user: User): WorkspaceContext {
    if (this.#ctx?.user !== user) this.#ctx = { api: this.api, live: this.live, user };
    return this.#ctx;
  }

  private skipToMain(event: Event) {
    event.preventDefault();
    this.main?.focus();
  }

  private renderHeader(ctx: WorkspaceContext) {
    const view = this.routes.route.view;
    const current = (views: string[]) => (views.includes(view) ? 'page' : undefined);
    return html`<header>
      <span class="brand">${msg('Interview workspace', { id: 'ws.shell.brand' })}</span>
      <nav aria-label=${msg('Main', { id: 'ws.shell.nav' })}>
        <ul>
          <li><a href=${href.interviews()} aria-current=${current(['interviews', 'interview', 'new-interview', 'edit-interview']) ?? nothing}>${msg('Interviews', { id: 'ws.nav.interviews' })}</a></li>
          <li><a href=${href.queue()} aria-current=${current(['queue', 'review']) ?? nothing}>${msg('Review', { id: 'ws.nav.review' })}</a></li>
          ${ctx.user.role === 'admin' ? html`<li><a href=${href.users()} aria-current=${current(['users']) ?? nothing}>${msg('Users', { id: 'ws.nav.users' })}</a></li>` : nothing}
          ${ctx.user.role === 'admin' ? html`<li><a href=${href.audit()} aria-current=${current(['audit']) ?? nothing}>${msg('Audit', { id: 'ws.nav.audit' })}</a></li>` : nothing}
          ${ctx.user.role === 'admin' ? html`<li><a href=${href.integrations()} aria-current=${current(['integrations']) ?? nothing}>${msg('Integrations', { id: 'ws.nav.integrations' })}</a></li>` : nothing}
        </ul>
      </nav>
      <div class="account">
        <span class="live" role="status">${this.connected ? msg('Live updates on', { id: 'ws.shell.liveOn' }) : msg('Live updates paused', { id: 'ws.shell.liveOff' })}</span>
        <span class="who">${ctx.user.name}</span>
        <label class="visually-hidden" for="language">${msg('Language', { id: 'ws.shell.language' })}</label>
        <select id="language" @change=${this.changeLanguage}>
          <option value="en" ?selected=${getLocale() === 'en'} lang="en">English</option>
          <option value="fr" ?selected=${getLocale() === 'fr'} lang="fr">Français</option>
        </select>
        <a href=${href.account()} aria-current=${current(['account']) ?? nothing}>${msg('My password', { id: 'ws.shell.account' })}</a>
        <button type="button" @click=${this.signOut}>${msg('Sign out', { id: 'ws.shell.signOut' })}</button>
      </div>
    </header>`;
  }

  /** Revokes the token on the server (issue 8), then forgets it here. */
  private signOut = async () => {
    const token = this.session.session?.token;
    this.session.signOut();
    if (token) await signOutRequest(token);
  };

  /** After an admin reset: nothing but choosing a new password, or signing out. */
  private renderForcedPasswordChange(ctx: WorkspaceContext) {
    return html`<div class="signed-out">
      <ws-change-password forced .request=${ctx.api.changePassword} @ws-signed-in=${this.onSignedIn}></ws-change-password>
      <p><button type="button" @click=${this.signOut}>${msg('Sign out', { id: 'ws.shell.signOut' })}</button></p>
    </div>`;
  }

  private renderExpiredDialog(email: string) {
    // Escape must not dismiss it: the page behind is unusable until someone signs in.
    return html`<dialog aria-labelledby="expired-title" @cancel=${(e: Event) => e.preventDefault()}>
      <span id="expired-title" class="visually-hidden">${msg('Sign in again', { id: 'ws.shell.again' })}</span>
      <ws-sign-in reason="expired" .email=${email} @ws-signed-in=${this.onSignedIn}></ws-sign-in>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-shell': WorkspaceShell;
  }
}
