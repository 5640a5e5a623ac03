import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Invitation } from '../../../server/contracts/api.js';
import type { ProgrammeLocation } from '../../../server/contracts/programmes.js';
import { inviteCandidates, type NamedDuplicate } from '../api/programme-api.js';
import { workspaceEvent } from '../events.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { formatDateTime } from '../shared/format.js';
import type { WorkspaceContext } from '../workspace-context.js';
import {
  type CandidateInput,
  type CandidateList,
  type CandidateProblem,
  parseCandidateList,
} from './candidate-csv.js';
import { inviteFormStyles } from './invite-form.styles.js';
import { renderDuplicates } from './skipped-duplicates.js';

/** The API takes at most this many candidates per call; longer lists go in several calls. */
const BATCH = 500;

function problemText(problem: CandidateProblem): string {
  const { line, text } = problem;
  switch (problem.kind) {
    case 'missing-email':
      return msg(str`Line ${line}: no email address (${text}).`, { id: 'ws.csv.noEmail' });
    case 'invalid-email':
      return msg(str`Line ${line}: the email address is not valid (${text}).`, {
        id: 'ws.csv.badEmail',
      });
    case 'missing-name':
      return msg(str`Line ${line}: no name (${text}).`, { id: 'ws.csv.noName' });
    case 'duplicate':
      return msg(str`Line ${line}: ${text} is already in the list.`, { id: 'ws.csv.duplicate' });
  }
}

/** Invite one candidate, or a whole list pasted or uploaded as CSV. Announces `ws-invited`. */
@localized()
@customElement('ws-invite-form')
export class InviteForm extends LitElement {
  static override styles = [baseStyles, inviteFormStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  /** The interview's cities (issue 21): the invitations made here go to the one chosen. */
  @property({ attribute: false }) locations: ProgrammeLocation[] = [];
  @state() private city = '';
  @state() private list: CandidateList | null = null;
  @state() private busy = false;
  @state() private message = '';
  /** Emails already invited to this interview, skipped until the recruiter confirms. */
  @state() private duplicates: (NamedDuplicate & { name: string })[] = [];
  @query('#list') private listInput!: HTMLTextAreaElement;

  private async invite(candidates: CandidateInput[], allowDuplicates = false): Promise<boolean> {
    this.busy = true;
    this.message = '';
    this.duplicates = [];
    try {
      const invitations: Invitation[] = [];
      const duplicates: typeof this.duplicates = [];
      for (let start = 0; start < candidates.length; start += BATCH) {
        const batch = candidates.slice(start, start + BATCH).map(({ name, email }) => ({
          name,
          email,
          ...(this.city ? { locationKey: this.city } : {}),
        }));
        const result = await inviteCandidates(
          this.ctx.api,
          this.interviewId,
          batch,
          allowDuplicates,
        );
        invitations.push(...result.items);
        for (const d of result.duplicates) {
          const asked = batch.find((c) => c.email.toLowerCase() === d.email.toLowerCase());
          duplicates.push({ ...d, name: d.name ?? asked?.name ?? '' });
        }
      }
      this.duplicates = duplicates;
      this.dispatchEvent(workspaceEvent('ws-invited', { invitations }));
      this.message = msg(str`${invitations.length} candidate(s) invited. Copy their links below.`, {
        id: 'ws.invite.done',
      });
      return true;
    } catch (err) {
      this.message = errorText(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async inviteOne(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const candidate = {
      name: String(data.get('name')).trim(),
      email: String(data.get('email')).trim(),
    };
    if (await this.invite([candidate])) form.reset();
  }

  private readList(text: string) {
    this.list = text.trim() ? parseCandidateList(text) : null;
  }

  private async readFile(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const text = await file.text();
    this.listInput.value = text;
    this.readList(text);
  }

  private async inviteList(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement; // the event forgets its target once handled
    if (!this.list?.candidates.length) return;
    if (await this.invite(this.list.candidates)) {
      form.reset();
      this.list = null;
    }
  }

  override render() {
    return html`
      ${this.renderCity()}
      <form class="one" @submit=${this.inviteOne} aria-label=${msg('Invite one candidate', { id: 'ws.invite.oneLabel' })}>
        <div class="field">
          <label for="name">${msg('Name', { id: 'ws.invite.name' })}</label>
          <input id="name" name="name" required maxlength="200" autocomplete="off" />
        </div>
        <div class="field">
          <label for="email">${msg('Email', { id: 'ws.invite.email' })}</label>
          <input id="email" name="email" type="email" required autocomplete="off" />
        </div>
        <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Invite', { id: 'ws.invite.one' })}</button>
      </form>
      <details>
        <summary>${msg('Invite several from a list (CSV)', { id: 'ws.invite.listSummary' })}</summary>
        <form @submit=${this.inviteList}>
          <div class="field">
            <label for="list">${msg('Paste names and emails', { id: 'ws.invite.paste' })}</label>
            <textarea id="list" rows="5" aria-describedby="list-hint"
              @input=${(e: Event) => this.readList((e.target as HTMLTextAreaElement).value)}></textarea>
            <p class="hint" id="list-hint">${msg('One candidate per line: name, email. A header row, quotes, semicolons or tabs are fine, as exported by a spreadsheet.', { id: 'ws.invite.listHint' })}</p>
          </div>
          <div class="field">
            <label for="file">${msg('Or choose a CSV file', { id: 'ws.invite.file' })}</label>
            <input id="file" type="file" accept=".csv,.txt,text/csv,text/plain" @change=${this.readFile} />
          </div>
          ${this.renderPreview()}
        </form>
      </details>
      <p role="status">${this.message}</p>
      ${renderDuplicates(this.duplicates, this.busy, () => void this.invite(this.duplicates, true))}
    `;
  }

  /** Shown only for a multi-city programme; a closed city cannot be chosen. */
  private renderCity() {
    if (this.locations.length === 0) return nothing;
    const now = new Date().toISOString();
    return html`<div class="field">
      <label for="city">${msg('City of the candidates you invite here', { id: 'ws.invite.city' })}</label>
      <select id="city" @change=${(e: Event) => {
        this.city = (e.target as HTMLSelectElement).value;
      }}>
        <option value="" ?selected=${!this.city}>${msg('No city', { id: 'ws.invite.noCity' })}</option>
        ${this.locations.map((l) => {
          const closed = new Date(l.deadline).toISOString() <= now;
          const until = formatDateTime(l.deadline);
          const label = closed
            ? msg(str`${l.name} (closed ${until})`, { id: 'ws.invite.cityClosed' })
            : msg(str`${l.name} (until ${until})`, { id: 'ws.invite.cityUntil' });
          return html`<option value=${l.key} ?selected=${this.city === l.key} ?disabled=${closed}>${label}</option>`;
        })}
      </select>
    </div>`;
  }

  private renderPreview() {
    if (!this.list) return nothing;
    const { candidates, problems } = this.list;
    const count = candidates.length;
    return html`<div role="status">
        <p>${msg(str`${count} candidate(s) ready to invite.`, { id: 'ws.invite.ready' })}</p>
        ${
          problems.length
            ? html`<p>${msg(str`${problems.length} line(s) will be skipped:`, { id: 'ws.invite.skipped' })}</p>
          <ul class="problems">${problems.map((p) => html`<li>${problemText(p)}</li>`)}</ul>`
            : nothing
        }
      </div>
      <button type="submit" class="primary" ?disabled=${this.busy || count === 0}>
        ${msg(str`Invite ${count} candidate(s)`, { id: 'ws.invite.list' })}
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-invite-form': InviteForm;
  }
}
