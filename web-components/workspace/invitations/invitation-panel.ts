import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Invitation } from '../../../server/contracts/api.js';
import type { ProgrammeLocation } from '../../../server/contracts/programmes.js';
import type { WorkspaceEvent } from '../events.js';
import { LiveController } from '../live/live-controller.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { formatDateTime } from '../shared/format.js';
import { Loader } from '../shared/loader.js';
import '../shared/status-badge.js';
import type { WorkspaceContext } from '../workspace-context.js';
import './invite-form.js';
import { invitationPanelStyles } from './invitation-panel.styles.js';
import './new-links.js';
import '../feedback/feedback-dialog.js';
import './invitation-origin.js';
import './erase-dialog.js';
import { confirmInPage } from '../shared/confirm-dialog.js';
import { byLocation, renderLocationFilter } from './location-filter.js';

/**
 * The candidates of an interview: invite more, see where each one stands (live), and give a
 * candidate a new link when theirs was lost.
 */
@localized()
@customElement('ws-invitation-panel')
export class InvitationPanel extends LitElement {
  static override styles = [baseStyles, invitationPanelStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  /** The interview's cities (issue 21): a staff invitation may name one. */
  @property({ attribute: false }) locations: ProgrammeLocation[] = [];
  /** Links just created or re-issued: the only moment they can be shown. */
  @state() private freshLinks: Invitation[] = [];
  @state() private rowMessage = '';
  @state() private locationFilter = '';
  private readonly invitations = new Loader(this, () => this.ctx.api.invitations(this.interviewId));
  // The same events as the page's counts (interview-page.ts), read the same way: from the
  // server. A candidate this page never listed (invited by a colleague, applied) gains a row,
  // and a finished one gains its completion time, with the count that says so (issue 21).
  private readonly live = new LiveController(this, () => this.ctx.live, {
    'invitation-status': (event) => this.applyStatus(event.detail),
    resync: () => void this.invitations.refresh(),
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId')) void this.invitations.reload();
  }

  private applyStatus({
    invitationId,
    status,
  }: {
    invitationId: string;
    status: Invitation['status'];
  }) {
    // The badge changes at once; the reload brings the rest (new rows, completion time).
    const items = this.invitations.value;
    if (items?.some((i) => i.id === invitationId))
      this.invitations.set(items.map((i) => (i.id === invitationId ? { ...i, status } : i)));
    void this.invitations.refresh();
  }

  private onInvited(event: WorkspaceEvent<'ws-invited'>) {
    this.freshLinks = [...event.detail.invitations, ...this.freshLinks];
    void this.invitations.reload();
  }

  private async reissue(invitation: Invitation) {
    const name = invitation.candidate.name;
    const open = invitation.status === 'invited' || invitation.status === 'started';
    // Issue 21: a finished or closed candidate's new link opens feedback and their data only.
    const confirmText = open
      ? msg(str`Create a new link for ${name}? Their current link will stop working.`, {
          id: 'ws.inv.reissueConfirm',
        })
      : msg(
          str`Create a new link for ${name}? It opens their feedback, a copy of their data and its erasure only; their current link will stop working.`,
          { id: 'ws.inv.aftercareConfirm' },
        );
    const createLabel = msg('Create a new link', { id: 'ws.inv.reissueConfirmButton' });
    if (!(await confirmInPage(this, confirmText, createLabel))) return;
    try {
      const renewed = await this.ctx.api.reissueLink(invitation.id);
      this.freshLinks = [renewed, ...this.freshLinks.filter((l) => l.id !== renewed.id)];
      this.rowMessage = msg(str`New link ready for ${name}.`, { id: 'ws.inv.reissued' });
    } catch (err) {
      this.rowMessage = errorText(err);
    }
  }

  override render() {
    return html`<section aria-labelledby="candidates-title">
      <h2 id="candidates-title" tabindex="-1">${msg('Candidates', { id: 'ws.inv.title' })}</h2>
      <ws-invite-form .ctx=${this.ctx} .interviewId=${this.interviewId} .locations=${this.locations} @ws-invited=${this.onInvited}></ws-invite-form>
      ${
        this.freshLinks.length
          ? html`<ws-new-links .invitations=${this.freshLinks}
        @ws-links-dismissed=${() => {
          this.freshLinks = [];
        }}></ws-new-links>`
          : nothing
      }
      <p role="status" class="hint">${this.rowMessage}</p>
      ${this.invitations.render((items) => this.renderTable(items))}
    </section>`;
  }

  private renderTable(items: Invitation[]) {
    if (items.length === 0)
      return html`<p>${msg('Nobody is invited yet.', { id: 'ws.inv.empty' })}</p>`;
    return html`${renderLocationFilter(items, this.locationFilter, (key) => {
      this.locationFilter = key;
    })}<table>
      <caption class="visually-hidden">${msg('Invited candidates and their status', { id: 'ws.inv.caption' })}</caption>
      <thead><tr>
        <th scope="col">${msg('Name', { id: 'ws.inv.name' })}</th>
        <th scope="col">${msg('Email', { id: 'ws.inv.email' })}</th>
        <th scope="col">${msg('Application', { id: 'ws.inv.origin' })}</th>
        <th scope="col">${msg('Status', { id: 'ws.inv.status' })}</th>
        <th scope="col">${msg('Link', { id: 'ws.inv.link' })}</th>
      </tr></thead>
      <tbody>${byLocation(items, this.locationFilter).map((i) => this.renderRow(i))}</tbody>
    </table>`;
  }

  private renderErase(invitation: Invitation) {
    return html`<ws-erase-dialog .ctx=${this.ctx} .invitationId=${invitation.id}
      .candidateName=${invitation.candidate.name} .candidateEmail=${invitation.candidate.email}
      .onErased=${(name: string) => {
        this.rowMessage = msg(str`${name} was erased.`, { id: 'ws.erase.done' });
        void this.invitations.reload();
        // The row and its button are gone: focus goes somewhere stable, not to the page top.
        this.renderRoot.querySelector<HTMLElement>('#candidates-title')?.focus();
      }}></ws-erase-dialog>`;
  }

  private renderRow(invitation: Invitation) {
    const open = invitation.status === 'invited' || invitation.status === 'started';
    const when = invitation.completedAt
      ? msg(str`Completed ${formatDateTime(invitation.completedAt)}`, { id: 'ws.inv.completedAt' })
      : msg(str`Open until ${formatDateTime(invitation.expiresAt)}`, { id: 'ws.inv.openUntil' });
    return html`<tr data-invitation=${invitation.id}>
      <td>${invitation.candidate.name}</td>
      <td class="email">${invitation.candidate.email}</td>
      <td><ws-invitation-origin .invitation=${invitation}></ws-invitation-origin></td>
      <td><ws-status-badge status=${invitation.status}></ws-status-badge><div class="hint">${when}</div></td>
      <td>${
        open
          ? html`<button type="button" class="link" @click=${() => this.reissue(invitation)}
          aria-label=${msg(str`New link for ${invitation.candidate.name}`, { id: 'ws.inv.reissueLabel' })}>${msg('New link', { id: 'ws.inv.reissue' })}</button>`
          : html`<button type="button" class="link" @click=${() => this.reissue(invitation)}
          aria-label=${msg(str`New link (feedback and data) for ${invitation.candidate.name}`, { id: 'ws.inv.aftercareLabel' })}>${msg('New link (feedback and data)', { id: 'ws.inv.aftercare' })}</button>`
      }${
        invitation.status === 'completed'
          ? html`<ws-feedback-dialog .ctx=${this.ctx} .invitationId=${invitation.id} .candidateName=${invitation.candidate.name}></ws-feedback-dialog>`
          : nothing
      }${this.ctx.user.role === 'admin' ? this.renderErase(invitation) : nothing}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-invitation-panel': InvitationPanel;
  }
}
