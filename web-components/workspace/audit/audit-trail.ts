import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Interview, Invitation, User } from '../../../server/contracts/api.js';
import type { AuditEntryView, AuditPage } from '../../../server/contracts/data-rights.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { formatDateTime } from '../shared/format.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { auditSentence } from './audit-sentences.js';
import { auditTrailStyles } from './audit-trail.styles.js';

/** A person in a list: the name, and the email that tells two of the same name apart. */
const nameAndEmail = (person: { name: string; email: string }) =>
  `${person.name} (${person.email})`;

/**
 * Admins read who saw or changed what, in sentences with names (issue 21): everything, or by
 * staff member, interview or candidate, each picked from a list of names.
 */
@localized()
@customElement('ws-audit-trail')
export class AuditTrail extends LitElement {
  static override styles = [baseStyles, auditTrailStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  /** A candidate to start from (`#/audit?candidate=`); the lists then show whom it is. */
  @property() invitationId = '';
  @state() private users: User[] = [];
  @state() private interviews: Interview[] = [];
  @state() private candidates: Invitation[] = [];
  @state() private items: AuditEntryView[] = [];
  @state() private nextCursor: string | undefined;
  @state() private actorId = '';
  @state() private interviewId = '';
  @state() private error = '';
  @state() private loading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = msg('Audit trail', { id: 'ws.audit.title' });
    void this.loadChoices();
    void this.load(false).then(() => this.showInterviewOfCandidate());
  }

  private async loadChoices(): Promise<void> {
    try {
      [this.users, this.interviews] = await Promise.all([
        this.ctx.api.users(),
        this.ctx.api.interviews(),
      ]);
    } catch (err) {
      this.error = errorText(err);
    }
  }

  /** Opened on a candidate: pick their interview in the list, so the filter reads as names. */
  private async showInterviewOfCandidate(): Promise<void> {
    const interview = this.invitationId ? this.items[0]?.interview : undefined;
    if (interview) await this.pickInterview(interview.id, this.invitationId);
  }

  private async pickInterview(interviewId: string, invitationId = ''): Promise<void> {
    this.interviewId = interviewId;
    this.invitationId = invitationId;
    this.candidates = [];
    if (!interviewId) return;
    try {
      this.candidates = await this.ctx.api.invitations(interviewId);
    } catch (err) {
      this.error = errorText(err);
    }
  }

  private async load(more: boolean): Promise<void> {
    this.loading = true;
    this.error = '';
    const query = new URLSearchParams({ limit: '50' });
    if (this.invitationId) query.set('invitationId', this.invitationId);
    else if (this.interviewId) query.set('interviewId', this.interviewId);
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
    this.actorId = String(data.get('actor') ?? '');
    this.invitationId = String(data.get('candidate') ?? '');
    void this.load(false);
  }

  override render() {
    return html`<h1>${msg('Audit trail', { id: 'ws.audit.title' })}</h1>
      <p>${msg('Every view of an answer, rating, decision, feedback release, new link, export, erasure, user change and failed sign-in. Entries cannot be changed or deleted.', { id: 'ws.audit.intro' })}</p>
      ${this.renderFilters()}
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <ol aria-label=${msg('Audit entries, newest first', { id: 'ws.audit.list' })}>
        ${this.items.map((e) => this.renderEntry(e))}
      </ol>
      <p role="status">${this.loading ? msg('Loading…', { id: 'ws.audit.loading' }) : this.items.length === 0 ? msg('No entries.', { id: 'ws.audit.empty' }) : ''}</p>
      ${this.nextCursor ? html`<button @click=${() => this.load(true)}>${msg('Show older entries', { id: 'ws.audit.more' })}</button>` : nothing}`;
  }

  private renderFilters() {
    const noInterview = !this.interviewId;
    return html`<form @submit=${this.filter}>
      <label class="field">${msg('Staff member', { id: 'ws.audit.staff' })}
        <select name="actor">
          <option value="">${msg('Everyone', { id: 'ws.audit.everyone' })}</option>
          ${this.users.map((u) => html`<option value=${u.id} ?selected=${u.id === this.actorId}>${nameAndEmail(u)}</option>`)}
        </select>
      </label>
      <label class="field">${msg('Interview', { id: 'ws.audit.interview' })}
        <select name="interview" @change=${(e: Event) => this.pickInterview((e.target as HTMLSelectElement).value)}>
          <option value="">${msg('All interviews', { id: 'ws.audit.allInterviews' })}</option>
          ${this.interviews.map((i) => html`<option value=${i.id} ?selected=${i.id === this.interviewId}>${i.title}</option>`)}
        </select>
      </label>
      <label class="field">${msg('Candidate', { id: 'ws.audit.candidate' })}
        <select name="candidate" ?disabled=${noInterview} aria-describedby="candidate-hint">
          <option value="">${msg('All candidates', { id: 'ws.audit.allCandidates' })}</option>
          ${this.candidates.map((c) => html`<option value=${c.id} ?selected=${c.id === this.invitationId}>${nameAndEmail(c.candidate)}</option>`)}
        </select>
      </label>
      <button type="submit">${msg('Show', { id: 'ws.audit.show' })}</button>
      <p id="candidate-hint" class="hint">${
        noInterview
          ? msg('Choose an interview to pick one of its candidates.', {
              id: 'ws.audit.candidateHint',
            })
          : msg('Erased candidates are not listed.', { id: 'ws.audit.erasedHint' })
      }</p>
    </form>`;
  }

  private renderEntry(entry: AuditEntryView) {
    const via = entry.via?.issuedBy.name;
    return html`<li>
      <p class="sentence">${auditSentence(entry)}</p>
      <div class="meta">
        <time datetime=${entry.at}>${formatDateTime(entry.at)}</time>
        ${entry.interview ? html` · ${entry.interview.title}` : nothing}
        ${entry.changes?.length ? html` · ${msg(str`Changed: ${entry.changes.join(', ')}`, { id: 'ws.audit.changes' })}` : nothing}
        ${via ? html` · ${msg(str`through a link handed to ${via}`, { id: 'ws.audit.via' })}` : nothing}
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-audit-trail': AuditTrail;
  }
}
