import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { StaffMember } from '../../../server/contracts/api.js';
import type { Member, MemberRole } from '../../../server/contracts/sharing.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { memberRoleName, searchStaff } from './member-search.js';

/**
 * Who may see and change this interview (Teams): members with their role, and for admins a
 * search of staff to add. Every change is saved at once with `PUT …/members` (the whole list);
 * removing asks first, in the page, with the person's name on every button.
 */
@localized()
@customElement('ws-members-editor')
export class MembersEditor extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      /* A list, not a table: on a 360 px phone each member is a short card (name and email,
         then role and remove); wider, one line each. */
      ul.members > li {
        display: grid;
        gap: 0.25rem 1rem;
        grid-template-columns: minmax(0, 1fr);
        align-items: center;
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--t-border);
      }
      @media (min-width: 40rem) {
        ul.members > li {
          grid-template-columns: minmax(0, 1fr) 12rem auto;
        }
        ul.members > li > .confirm {
          grid-column: 1 / -1;
        }
      }
      .who {
        overflow-wrap: anywhere;
      }
      .who .name {
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: center;
      }
      .confirm {
        background: var(--t-surface);
        border-left: 4px solid var(--t-danger);
        padding: 0.75rem;
        margin: 0.5rem 0;
      }
      .results li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        padding: 0.4rem 0;
        border-bottom: 1px solid var(--t-border);
      }
      .results .who {
        flex: 1 1 12rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @state() private members: Member[] = [];
  /** Every staff account (admins only can list them), to search and to know account roles. */
  @state() private staff: StaffMember[] | null = null;
  @state() private loaded = false;
  @state() private query = '';
  @state() private confirmRemove: string | null = null;
  @state() private busy = false;
  @state() private status = '';
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId') && this.interviewId) void this.load();
  }

  private get isAdmin() {
    return this.ctx.user.role === 'admin';
  }

  private async load() {
    this.loaded = false;
    this.error = '';
    try {
      const [members, staff] = await Promise.all([
        this.ctx.api.members(this.interviewId),
        this.isAdmin ? this.ctx.api.users() : Promise.resolve(null),
      ]);
      this.members = members;
      this.staff = staff;
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.loaded = true;
    }
  }

  /** The account's own role when known (admins list staff); a reviewer account stays a reviewer. */
  private accountRole(userId: string) {
    return this.staff?.find((s) => s.id === userId)?.role ?? null;
  }

  private async save(next: Member[], done: string) {
    this.busy = true;
    this.error = '';
    this.status = '';
    try {
      this.members = await this.ctx.api.setMembers(
        this.interviewId,
        next.map((m) => ({ userId: m.user.id, role: m.role })),
      );
      this.status = done;
      return true;
    } catch (err) {
      this.error = errorText(err);
      // What the server holds is still the list before: show that, not the refused change
      // (live() puts a select the person changed back to the saved role).
      this.members = [...this.members];
      return false;
    } finally {
      this.busy = false;
    }
  }

  private add(user: StaffMember, role: MemberRole) {
    const name = user.name;
    this.query = '';
    void this.save(
      [...this.members, { user: { id: user.id, name, email: user.email }, role }],
      role === 'recruiter'
        ? msg(str`${name} was added as a recruiter.`, { id: 'ws.members.addedRecruiter' })
        : msg(str`${name} was added as a reviewer.`, { id: 'ws.members.addedReviewer' }),
    ).then(() => this.renderRoot.querySelector<HTMLInputElement>('#member-search')?.focus());
  }

  private changeRole(member: Member, role: MemberRole) {
    const name = member.user.name;
    void this.save(
      this.members.map((m) => (m.user.id === member.user.id ? { ...m, role } : m)),
      msg(str`${name} is now ${memberRoleName(role)}.`, { id: 'ws.members.roleChanged' }),
    );
  }

  private async removeMember(member: Member) {
    const name = member.user.name;
    const ok = await this.save(
      this.members.filter((m) => m.user.id !== member.user.id),
      msg(str`${name} was removed from this interview.`, { id: 'ws.members.removed' }),
    );
    if (ok) {
      this.confirmRemove = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#members-title')?.focus();
    }
  }

  /**
   * Opens the question under a member (focus on its first button) or closes it; closing with
   * `from` gives focus back to that member's Remove button, as a dialog would.
   */
  private async askRemove(userId: string | null, from?: string) {
    this.confirmRemove = userId;
    await this.updateComplete;
    const target = userId
      ? this.renderRoot.querySelector<HTMLElement>('.confirm button')
      : this.renderRoot.querySelector<HTMLElement>(
          from ? `button[data-remove="${CSS.escape(from)}"]` : '#members-title',
        );
    target?.focus();
  }

  override render() {
    return html`<section aria-labelledby="members-title">
      <h2 id="members-title" tabindex="-1">${msg('Team', { id: 'ws.members.title' })}</h2>
      <p class="hint">${msg('Only members see this interview. Recruiters manage it; reviewers rate its answers. Admins see every interview without being members.', { id: 'ws.members.explain' })}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.loaded ? this.renderMembers() : html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'ws.loading' })}</p>`}
      ${this.loaded ? this.renderAdd() : nothing}
      <p role="status">${this.status}</p>
    </section>`;
  }

  private renderMembers() {
    if (!this.members.length)
      return html`<p>${msg('No members yet.', { id: 'ws.members.none' })}</p>`;
    return html`<ul class="plain members" aria-labelledby="members-title">
      ${this.members.map((m) => this.renderMember(m))}
    </ul>`;
  }

  private renderMember(member: Member) {
    const { id, name, email } = member.user;
    const reviewerAccount = this.accountRole(id) === 'reviewer';
    const confirming = this.confirmRemove === id;
    return html`<li>
      <div class="who">
        <div class="name">${name}${id === this.ctx.user.id ? html` <span class="hint">${msg('(you)', { id: 'ws.members.you' })}</span>` : nothing}</div>
        <div class="hint">${email}</div>
      </div>
      <div class="actions">${
        reviewerAccount
          ? html`<span>${memberRoleName('reviewer')} <span class="hint">${msg('(reviewer account)', { id: 'ws.members.reviewerAccount' })}</span></span>`
          : html`<select aria-label=${msg(str`Role of ${name}`, { id: 'ws.members.roleOf' })} ?disabled=${this.busy}
            @change=${(e: Event) => this.changeRole(member, (e.target as HTMLSelectElement).value as MemberRole)}>
            ${(['recruiter', 'reviewer'] as const).map((role) => html`<option value=${role} .selected=${live(member.role === role)}>${memberRoleName(role)}</option>`)}
          </select>`
      }</div>
      <div><button type="button" class="link" data-remove=${id} ?disabled=${this.busy} aria-expanded=${confirming ? 'true' : 'false'}
        @click=${() => this.askRemove(confirming ? null : id, id)}>${msg(str`Remove ${name}`, { id: 'ws.members.remove' })}</button></div>
      ${confirming ? this.renderConfirm(member) : nothing}
    </li>`;
  }

  private renderConfirm(member: Member) {
    const name = member.user.name;
    const self = member.user.id === this.ctx.user.id;
    return html`<div class="confirm" role="group" aria-label=${msg(str`Remove ${name}?`, { id: 'ws.members.confirmTitle' })}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') void this.askRemove(null, member.user.id);
      }}>
      <p>${
        self
          ? msg('You will no longer see this interview unless an admin adds you again.', {
              id: 'ws.members.confirmSelf',
            })
          : msg(
              str`${name} will no longer see this interview, its candidates or their answers. Ratings already given stay.`,
              { id: 'ws.members.confirmOther' },
            )
      }</p>
      <div class="row">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.removeMember(member)}>${msg(str`Yes, remove ${name}`, { id: 'ws.members.confirmYes' })}</button>
        <button type="button" @click=${() => this.askRemove(null, member.user.id)}>${msg(str`Keep ${name}`, { id: 'ws.members.confirmNo' })}</button>
      </div>
    </div>`;
  }

  private renderAdd() {
    if (!this.staff)
      return html`<p class="hint">${msg('To add someone who is not a member yet, ask an admin: only admins can list staff accounts.', { id: 'ws.members.askAdmin' })}</p>`;
    const found = searchStaff(this.staff, this.members, this.query);
    return html`<div class="field">
        <label for="member-search">${msg('Add staff: search by name or email', { id: 'ws.members.search' })}</label>
        <input id="member-search" type="search" autocomplete="off" .value=${this.query}
          aria-describedby="member-search-count"
          @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value;
          }} />
      </div>
      <p id="member-search-count" class="hint" aria-live="polite">${
        this.query.trim()
          ? msg(str`${found.length} match(es)`, { id: 'ws.members.matches' })
          : nothing
      }</p>
      ${
        this.query.trim()
          ? html`<ul class="plain results">${found.map(
              (user) => html`<li>
          <span class="who">${user.name} <span class="hint">${user.email}</span></span>
          ${
            user.role === 'recruiter'
              ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.add(user, 'recruiter')}>${msg(str`Add ${user.name} as recruiter`, { id: 'ws.members.addRecruiter' })}</button>`
              : nothing
          }
          <button type="button" ?disabled=${this.busy} @click=${() => this.add(user, 'reviewer')}>${msg(str`Add ${user.name} as reviewer`, { id: 'ws.members.addReviewer' })}</button>
        </li>`,
            )}</ul>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-members-editor': MembersEditor;
  }
}
