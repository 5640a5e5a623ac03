import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Role, StaffMember, User } from '../../../server/contracts/api.js';
import { baseStyles } from '../shared/base.styles.js';
import { confirmInPage } from '../shared/confirm-dialog.js';
import { errorText } from '../shared/error-text.js';
import { forScreenReaders } from '../shared/for-screen-readers.js';
import { Loader } from '../shared/loader.js';
import { setPageTitle } from '../shared/page-title.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { ROLE_CHOICES, roleName } from './role-names.js';
import { userAdminStyles } from './user-admin.styles.js';

function roleOptions(selected: Role) {
  return ROLE_CHOICES.map(
    (role) => html`<option value=${role} ?selected=${role === selected}>${roleName(role)}</option>`,
  );
}

/** Admins add staff, rename them and change their roles (the last admin cannot be demoted). */
@localized()
@customElement('ws-user-admin')
export class UserAdmin extends LitElement {
  static override styles = [baseStyles, userAdminStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @state() private message = '';
  @state() private revision = 0;
  private readonly users = new Loader(this, () => this.ctx.api.users());

  override connectedCallback(): void {
    super.connectedCallback();
    void this.users.reload();
  }

  /** Issue 8: a one-time password just made, shown until the admin moves on. */
  @state() private oneTime: { user: StaffMember; password: string } | null = null;

  private replace(saved: StaffMember) {
    this.users.set((this.users.value ?? []).map((u) => (u.id === saved.id ? saved : u)));
  }

  private async setActive(user: StaffMember, active: boolean) {
    if (
      !active &&
      !(await confirmInPage(
        this,
        msg(str`Deactivate ${user.name}? They are signed out at once and can no longer sign in.`, {
          id: 'ws.users.deactivateConfirm',
        }),
        msg('Deactivate', { id: 'ws.users.deactivateConfirmButton' }),
        { danger: true },
      ))
    )
      return;
    try {
      const saved = await this.ctx.api.updateUser(user.id, { active });
      this.replace(saved);
      this.message = active
        ? msg(str`${saved.name} can sign in again.`, { id: 'ws.users.reactivated' })
        : msg(str`${saved.name} is deactivated and signed out.`, { id: 'ws.users.deactivated' });
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private async resetPassword(user: StaffMember) {
    if (
      !(await confirmInPage(
        this,
        msg(
          str`Reset the password of ${user.name}? They are signed out everywhere and must choose a new password after signing in with the one-time password.`,
          { id: 'ws.users.resetConfirm' },
        ),
        msg('Reset password', { id: 'ws.users.resetConfirmButton' }),
        { danger: true },
      ))
    )
      return;
    try {
      const { password } = await this.ctx.api.resetPassword(user.id);
      this.oneTime = { user, password };
      this.message = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#one-time')?.focus();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private async saveUser(event: SubmitEvent, user: User) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const name = String(data.get('name')).trim();
    const role = String(data.get('role')) as Role;
    if (user.id === this.ctx.user.id && role !== 'admin' && user.role === 'admin') {
      const sure = await confirmInPage(
        this,
        msg(
          'You are removing your own admin role. You will no longer be able to manage users. Continue?',
          { id: 'ws.users.selfDemote' },
        ),
        msg('Remove my admin role', { id: 'ws.users.selfDemoteButton' }),
        { danger: true },
      );
      if (!sure) return;
    }
    try {
      const saved = await this.ctx.api.updateUser(user.id, { name, role });
      this.replace(saved);
      this.message = msg(str`Saved ${saved.name}.`, { id: 'ws.users.saved' });
    } catch (err) {
      this.message = errorText(err);
      this.revision += 1; // redraw the forms with what is really saved
    }
  }

  private async createUser(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      const user = await this.ctx.api.createUser({
        name: String(data.get('name')).trim(),
        email: String(data.get('email')).trim(),
        password: String(data.get('password')),
        role: String(data.get('role')) as Role,
      });
      this.users.set([...(this.users.value ?? []), { ...user, active: true }]);
      this.message = msg(
        str`${user.name} can now sign in, and will then choose their own password.`,
        { id: 'ws.users.created' },
      );
      form.reset();
    } catch (err) {
      this.message = errorText(err);
    }
  }

  protected override updated(): void {
    setPageTitle(msg('Users', { id: 'ws.users.title' }));
  }

  override render() {
    return html`
      <h1>${msg('Users', { id: 'ws.users.title' })}</h1>
      <p role="status">${this.message}</p>
      ${this.renderOneTime()}
      ${this.users.render((users) => keyed(this.revision, html`<ul class="plain users">${users.map((u) => this.renderUser(u))}</ul>`))}
      <h2>${msg('Add a user', { id: 'ws.users.add' })}</h2>
      <form class="new card" @submit=${this.createUser}>
        <div class="field"><label for="new-name">${msg('Name', { id: 'ws.users.name' })}</label>
          <input id="new-name" name="name" required maxlength="200" autocomplete="off" /></div>
        <div class="field"><label for="new-email">${msg('Email', { id: 'ws.users.email' })}</label>
          <input id="new-email" name="email" type="email" required autocomplete="off" /></div>
        <div class="field"><label for="new-password">${msg('Temporary password (10+ characters)', { id: 'ws.users.password' })}</label>
          <input id="new-password" name="password" type="password" required minlength="10" autocomplete="new-password" aria-describedby="new-password-hint" />
          <span class="hint" id="new-password-hint">${msg('Give it to them privately: they must replace it the first time they sign in.', { id: 'ws.users.passwordHint' })}</span></div>
        <div class="field"><label for="new-role">${msg('Role', { id: 'ws.users.role' })}</label>
          <select id="new-role" name="role">${roleOptions('reviewer')}</select></div>
        <div class="field"><button class="primary" type="submit">${msg('Add user', { id: 'ws.users.create' })}</button></div>
      </form>
    `;
  }

  private renderOneTime() {
    if (!this.oneTime) return nothing;
    const { user, password } = this.oneTime;
    return html`<section id="one-time" class="card one-time" tabindex="-1" aria-labelledby="one-time-title">
      <h2 id="one-time-title">${msg(str`One-time password for ${user.name}`, { id: 'ws.users.oneTimeTitle' })}</h2>
      <p>${msg('Give it to them privately. It is shown only now; they choose their own password when they sign in with it.', { id: 'ws.users.oneTimeHelp' })}</p>
      <p><code class="password">${password}</code></p>
      <button type="button" @click=${() => {
        this.oneTime = null;
      }}>${msg('Done', { id: 'ws.users.oneTimeDone' })}</button>
    </section>`;
  }

  private renderUser(user: StaffMember) {
    const id = `u-${user.id}`;
    const self = user.id === this.ctx.user.id;
    // Two colleagues may share a name: their buttons are told apart by email too (issue 21).
    const who = `${user.name} (${user.email})`;
    return html`<li class="card ${user.active ? '' : 'inactive'}">
      <form class="user" @submit=${(e: SubmitEvent) => this.saveUser(e, user)} aria-label=${user.email}>
        <div class="field"><label for="${id}-name">${msg('Name', { id: 'ws.users.name' })}${forScreenReaders(user.email)}</label>
          <input id="${id}-name" name="name" required maxlength="200" .value=${user.name} /></div>
        <div class="email">${user.email}</div>
        <div class="field"><label for="${id}-role">${msg('Role', { id: 'ws.users.role' })}${forScreenReaders(user.email)}</label>
          <select id="${id}-role" name="role">${roleOptions(user.role)}</select></div>
        <button type="submit" aria-label=${msg(str`Save ${who}`, { id: 'ws.users.saveLabel' })}>${msg('Save', { id: 'ws.users.save' })}</button>
      </form>
      <div class="account-actions">
        ${user.active ? nothing : html`<strong class="state">${msg('Deactivated', { id: 'ws.users.inactive' })}</strong>`}
        ${
          self
            ? nothing
            : html`<button type="button" @click=${() => this.setActive(user, !user.active)}
                aria-label=${user.active ? msg(str`Deactivate ${who}`, { id: 'ws.users.deactivateLabel' }) : msg(str`Reactivate ${who}`, { id: 'ws.users.reactivateLabel' })}>
                ${user.active ? msg('Deactivate', { id: 'ws.users.deactivate' }) : msg('Reactivate', { id: 'ws.users.reactivate' })}</button>
              <button type="button" @click=${() => this.resetPassword(user)}
                aria-label=${msg(str`Reset password: ${who}`, { id: 'ws.users.resetLabel' })}>${msg('Reset password', { id: 'ws.users.reset' })}</button>`
        }
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-user-admin': UserAdmin;
  }
}
