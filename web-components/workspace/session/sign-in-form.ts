import { localized, msg } from '@lit/localize';
import '../../candidate/language-switcher.js';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { signInRequest } from '../api/workspace-api.js';
import { workspaceEvent } from '../events.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { setPageTitle } from '../shared/page-title.js';
import type { SignedOutReason } from './session-store.js';
import { signInStyles } from './sign-in-form.styles.js';

/** Email and password → a staff token, announced with `ws-signed-in`. */
@localized()
@customElement('ws-sign-in')
export class SignInForm extends LitElement {
  static override styles = [baseStyles, signInStyles];

  @property() reason: SignedOutReason = 'new';
  /** Filled in after an expiry: the same person usually signs back in. */
  @property() email = '';
  @state() private busy = false;
  @state() private error = '';
  @query('input[name=password]') private passwordInput!: HTMLInputElement;
  @query('input[name=email]') private emailInput!: HTMLInputElement;

  /** Puts the cursor where typing starts: the password when the email is known. */
  override focus(): void {
    (this.email ? this.passwordInput : this.emailInput)?.focus();
  }

  private notice() {
    if (this.reason === 'expired') {
      return msg(
        'Your session has expired. Sign in again to continue: what you were doing is kept and will be saved.',
        { id: 'ws.signin.expired' },
      );
    }
    if (this.reason === 'signed-out') return msg('You are signed out.', { id: 'ws.signin.out' });
    return '';
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const { token, user, mustChangePassword } = await signInRequest(
        String(data.get('email') ?? ''),
        String(data.get('password') ?? ''),
      );
      this.passwordInput.value = '';
      // After an admin reset the shell shows only "choose your own password" (issue 8).
      const signedIn = mustChangePassword ? { ...user, mustChangePassword } : user;
      this.dispatchEvent(workspaceEvent('ws-signed-in', { token, user: signedIn }));
    } catch (err) {
      this.error = errorText(err);
      this.passwordInput.select();
    } finally {
      this.busy = false;
    }
  }

  protected override updated(): void {
    setPageTitle(msg('Sign in', { id: 'ws.signin.title' }));
  }

  override render() {
    const notice = this.notice();
    return html`
      <language-switcher></language-switcher>
      <h1 id="sign-in-title">${msg('Sign in', { id: 'ws.signin.title' })}</h1>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : nothing}
      <form @submit=${this.submit} aria-labelledby="sign-in-title">
        <div class="field">
          <label for="email">${msg('Email', { id: 'ws.signin.email' })}</label>
          <input id="email" name="email" type="email" autocomplete="username" required
            .value=${this.email} />
        </div>
        <div class="field">
          <label for="password">${msg('Password', { id: 'ws.signin.password' })}</label>
          <input id="password" name="password" type="password" autocomplete="current-password"
            required />
        </div>
        <p class="error" role="alert">${this.error}</p>
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? msg('Signing in…', { id: 'ws.signin.busy' }) : msg('Sign in', { id: 'ws.signin.submit' })}
        </button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-sign-in': SignInForm;
  }
}
