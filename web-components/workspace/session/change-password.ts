import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { User } from '../../../server/contracts/api.js';
import { ApiError } from '../../api-client.js';
import { workspaceEvent } from '../events.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { signInStyles } from './sign-in-form.styles.js';

/** What the server says about a refused password, in the reader's language. */
function passwordErrorText(err: unknown): string {
  if (err instanceof ApiError && err.code === 'invalid_request') {
    if (err.message.startsWith('The current password')) {
      return msg('The current password is not correct.', { id: 'ws.password.wrongCurrent' });
    }
    if (err.message.startsWith('Choose a stronger password')) {
      return msg(
        'This password is too easy to guess (a common password, a word from a dictionary, a keyboard pattern or your own name). Use three or four uncommon words together.',
        { id: 'ws.password.weak' },
      );
    }
    if (err.message.startsWith('Choose a password different')) {
      return msg('Choose a password different from the current one.', { id: 'ws.password.same' });
    }
  }
  return errorText(err);
}

/**
 * "Change my password": the current one, a new one typed twice. On success the server gives
 * a new token (every other session of the user ends), announced with `ws-signed-in`. With
 * `forced`, it is the only thing a user can do after signing in with a temporary password (a new
 * account, or an admin reset).
 */
@localized()
@customElement('ws-change-password')
export class ChangePasswordForm extends LitElement {
  static override styles = [baseStyles, signInStyles];

  @property({ attribute: false }) request!: (input: {
    currentPassword: string;
    newPassword: string;
  }) => Promise<{ token: string; user: User }>;
  @property({ type: Boolean }) forced = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private done = false;
  @query('form') private form!: HTMLFormElement;

  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(this.form);
    const currentPassword = String(data.get('current') ?? '');
    const newPassword = String(data.get('new') ?? '');
    this.done = false;
    if (newPassword !== String(data.get('confirm') ?? '')) {
      this.error = msg('The two new passwords are not the same.', { id: 'ws.password.mismatch' });
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const { token, user } = await this.request({ currentPassword, newPassword });
      this.form.reset();
      this.done = true;
      this.dispatchEvent(workspaceEvent('ws-signed-in', { token, user }));
    } catch (err) {
      this.error = passwordErrorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <h1 id="password-title">${
        this.forced
          ? msg('Choose your own password', { id: 'ws.password.forcedTitle' })
          : msg('Change my password', { id: 'ws.password.title' })
      }</h1>
      ${
        this.forced
          ? html`<p class="notice" role="status">${msg('An admin gave you a temporary password. Choose your own to continue.', { id: 'ws.password.forced' })}</p>`
          : html`<p>${msg('Your other devices will be signed out.', { id: 'ws.password.others' })}</p>`
      }
      <form @submit=${this.submit} aria-labelledby="password-title">
        <div class="field">
          <label for="current">${
            this.forced
              ? msg('Temporary password', { id: 'ws.password.oneTime' })
              : msg('Current password', { id: 'ws.password.current' })
          }</label>
          <input id="current" name="current" type="password" autocomplete="current-password" required />
        </div>
        <div class="field">
          <label for="new">${msg('New password (10+ characters)', { id: 'ws.password.new' })}</label>
          <input id="new" name="new" type="password" autocomplete="new-password" required minlength="10"
            aria-describedby="new-hint" />
          <small id="new-hint">${msg('A few uncommon words together are easy to remember and hard to guess.', { id: 'ws.password.hint' })}</small>
        </div>
        <div class="field">
          <label for="confirm">${msg('New password again', { id: 'ws.password.confirm' })}</label>
          <input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="10" />
        </div>
        <p class="error" role="alert">${this.error}</p>
        ${this.done ? html`<p role="status">${msg('Your password was changed.', { id: 'ws.password.changed' })}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${msg('Change password', { id: 'ws.password.submit' })}
        </button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-change-password': ChangePasswordForm;
  }
}
