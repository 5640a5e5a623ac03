import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { User } from '../../../server/contracts/api.js';
import type { AuditEntryView, AuditPage } from '../../../server/contracts/data-rights.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { formatDateTime } from '../shared/format.js';
import type { WorkspaceContext } from '../workspace-context.js';

/** Plain words for each recorded action. */
function actionName(action: string): string {
  const names: Record<string, string> = {
    'answer.viewed': msg('viewed an answer', { id: 'ws.audit.answerViewed' }),
    'rating.saved': msg('saved a rating', { id: 'ws.audit.ratingSaved' }),
    'decision.saved': msg('saved a decision', { id: 'ws.audit.decisionSaved' }),
    'feedback.released': msg('released feedback', { id: 'ws.audit.feedbackReleased' }),
    'invitation.link_reissued': msg('issued a new link', { id: 'ws.audit.linkReissued' }),
    'ratings.exported': msg('exported ratings', { id: 'ws.audit.ratingsExported' }),
    'candidate.erased': msg('erased a candidate', { id: 'ws.audit.candidateErased' }),
    'user.created': msg('created a user', { id: 'ws.audit.userCreated' }),
    'user.updated': msg('changed a user', { id: 'ws.audit.userUpdated' }),
    'login.failed': msg('failed to sign in', { id: 'ws.audit.loginFailed' }),
  };
  return names[action] ?? action;
}

function actorName(entry: AuditEntryView): string {
  if (entry.actor.type === 'system') return msg('Retention (automatic)', { id: 'ws.audit.system' });
  if (entry.actor.name) return entry.actor.name;
  if (entry.actor.type === 'candidate')
    return msg('The candidate (erased)', { id: 'ws.audit.erasedCandidate' });
  return msg('Unknown account', { id: 'ws.audit.unknown' });
}

/** Admins read who saw or changed what: everything, or by candidate, or by staff member. */
@localized()
@customElement('ws-audit-trail')
export class AuditTrail extends LitElement {
  static override styles = [
    baseStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin-bottom: 1rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        border-bottom: 1px solid var(--t-border);
        padding: 0.6rem 0;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--t-muted);
        font-size: 0.9em;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() invitationId = '';
  @state() private users: User[] = [];
  @state() private items: AuditEntryView[] = [];
  @state() private nextCursor: string | undefined;
  @state() private actorId = '';
  @state() private error = '';
  @state() private loading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = msg('Audit trail', { id: 'ws.audit.title' });
    void this.ctx.api.users().then((users) => {
      this.users = users;
    });
    void this.load(false);
  }

  private async load(more: boolean): Promise<void> {
    this.loading = true;
    this.error = '';
    const query = new URLSearchParams({ limit: '50' });
    if (this.invitationId) query.set('invitationId', this.invitationId);
    if (this.actorId) query.set('actorId', this.actorId);
    if (more && this.nextCursor) query.set('cursor', this.nextCursor);
    try {
      const page = await this.ctx.api.request<AuditPage>(`/audit?${query}`);
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.loading = false;
    }
  }

  private filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.invitationId = String(data.get('invitation') ?? '').trim();
    this.actorId = String(data.get('actor') ?? '');
    void this.load(false);
  }

  override render() {
    return html`<h1>${msg('Audit trail', { id: 'ws.audit.title' })}</h1>
      <p>${msg('Every view of an answer, rating, decision, feedback release, new link, export, erasure, user change and failed sign-in. Entries cannot be changed or deleted.', { id: 'ws.audit.intro' })}</p>
      <form @submit=${this.filter}>
        <label>${msg('Staff member', { id: 'ws.audit.staff' })}
          <select name="actor">
            <option value="">${msg('Everyone', { id: 'ws.audit.everyone' })}</option>
            ${this.users.map((u) => html`<option value=${u.id} ?selected=${u.id === this.actorId}>${u.name}</option>`)}
          </select>
        </label>
        <label>${msg('Candidate (invitation id)', { id: 'ws.audit.candidate' })}
          <input name="invitation" .value=${this.invitationId} autocomplete="off" />
        </label>
        <button type="submit">${msg('Show', { id: 'ws.audit.show' })}</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <ol aria-label=${msg('Audit entries, newest first', { id: 'ws.audit.list' })}>
        ${this.items.map(
          (e) => html`<li>
            <strong>${actorName(e)}</strong> ${actionName(e.action)}
            <div class="meta">
              <time datetime=${e.at}>${formatDateTime(e.at)}</time> ·
              ${e.target.type} ${e.target.id ?? ''}
              ${e.invitationId ? html` · ${msg('candidate', { id: 'ws.audit.candidateShort' })} ${e.invitationId}` : nothing}
            </div>
          </li>`,
        )}
      </ol>
      <p role="status">${this.loading ? msg('Loading…', { id: 'ws.audit.loading' }) : this.items.length === 0 ? msg('No entries.', { id: 'ws.audit.empty' }) : ''}</p>
      ${this.nextCursor ? html`<button @click=${() => this.load(true)}>${msg('Show older entries', { id: 'ws.audit.more' })}</button>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-audit-trail': AuditTrail;
  }
}
