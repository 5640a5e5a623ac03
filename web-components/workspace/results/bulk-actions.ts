import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BulkItem } from '../../../server/contracts/review.js';
import { OUTCOMES, type Outcome } from '../../../server/contracts/review-rules.js';
import { emailEnabled } from '../api/programme-api.js';
import { reviewApi } from '../api/review-api.js';
import { baseStyles } from '../shared/base.styles.js';
import { confirmInPage } from '../shared/confirm-dialog.js';
import { errorText } from '../shared/error-text.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { outcomeName } from './decision-control.js';

export interface Selected {
  invitationId: string;
  name: string;
}

/** Why one item was not done, in the reader's language where the code is known. */
function failureText(item: BulkItem): string {
  switch (item.code) {
    case 'feedback_missing':
      return msg('no feedback saved yet', { id: 'ws.bulk.noFeedback' });
    case 'not_completed':
      return msg('has not finished the interview', { id: 'ws.bulk.notCompleted' });
    case 'reference_invitation':
      return msg('a reference (calibration) invitation', { id: 'ws.bulk.reference' });
    case 'not_found':
      return msg('no longer exists or is not yours to see', { id: 'ws.bulk.notFound' });
    case 'forbidden':
      return msg('your role in this interview does not allow it', { id: 'ws.bulk.forbidden' });
    default:
      return item.detail ?? item.code ?? '';
  }
}

/**
 * Issue 21: a recruiter runs a city at once — one decision, or the release of saved feedback,
 * for every selected candidate. The server does each on its own, so the outcome is shown per
 * person: who was done, and why the others were not.
 */
@localized()
@customElement('ws-bulk-actions')
export class BulkActions extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: flex-end;
      }
      .outcomes li.failed {
        color: var(--t-danger, #a4262c);
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property({ attribute: false }) selected: Selected[] = [];
  /** Called after an action so that the page shows the new decisions. */
  @property({ attribute: false }) done: () => void = () => {};
  @state() private outcome: Outcome = 'advance';
  @state() private note = '';
  @state() private busy = false;
  @state() private message = '';
  @state() private outcomes: (BulkItem & { name: string })[] = [];

  private async run(action: 'decide' | 'release') {
    const people = this.selected;
    if (people.length === 0) return;
    if (action === 'release' && !(await this.confirmRelease(people.length))) return;
    this.busy = true;
    this.message = '';
    this.outcomes = [];
    try {
      const api = reviewApi(this.ctx.api);
      const ids = people.map((p) => p.invitationId);
      const items =
        action === 'decide'
          ? await api.decideMany(ids, { outcome: this.outcome, note: this.note })
          : await api.releaseMany(ids);
      const nameOf = new Map(people.map((p) => [p.invitationId, p.name]));
      this.outcomes = items.map((i) => ({ ...i, name: nameOf.get(i.invitationId) ?? '' }));
      const ok = items.filter((i) => i.status === 200).length;
      this.message =
        action === 'decide'
          ? msg(str`Decision saved for ${ok} of ${items.length}.`, { id: 'ws.bulk.decided' })
          : msg(str`Feedback released for ${ok} of ${items.length}.`, { id: 'ws.bulk.released' });
      this.done();
    } catch (err) {
      this.message = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Releasing cannot be undone and may send mail: say what goes out, in which language, and
   * that a draft nobody edited goes out as the rubric generated it (issue 21, item 6).
   */
  private async confirmRelease(count: number): Promise<boolean> {
    const emails = await emailEnabled(this.ctx.api).catch(() => true);
    const details = html`<ul>
      <li>${msg('Each candidate reads it in the language of their invitation.', { id: 'ws.bulk.releaseLanguage' })}</li>
      <li>${msg('A draft nobody edited goes out word for word as generated from the rubric. To read one first, open the candidate’s feedback.', { id: 'ws.bulk.releaseUnedited' })}</li>
      <li>${msg('Anyone without saved feedback is left out.', { id: 'ws.bulk.releaseSkipped' })}</li>
      <li>${
        emails
          ? msg('Each is emailed and can read it through their link.', {
              id: 'ws.bulk.releaseEmail',
            })
          : msg(
              'No email will be sent: they read it by opening their interview link, so tell them yourself.',
              { id: 'ws.bulk.releaseNoEmail' },
            )
      }</li>
    </ul>`;
    return confirmInPage(
      this,
      msg(str`Release saved feedback to ${count}? This cannot be undone.`, {
        id: 'ws.bulk.releaseConfirm',
      }),
      msg('Release', { id: 'ws.fb.releaseConfirmButton' }),
      { details },
    );
  }

  override render() {
    const count = this.selected.length;
    return html`<section aria-labelledby="bulk-title">
      <h2 id="bulk-title">${msg(str`${count} selected`, { id: 'ws.bulk.title' })}</h2>
      <fieldset ?disabled=${this.busy || count === 0}>
        <legend>${msg('Decide for everyone selected', { id: 'ws.bulk.decideLegend' })}</legend>
        <div class="field">
          <label for="bulk-outcome">${msg('Decision', { id: 'ws.bulk.outcome' })}</label>
          <select id="bulk-outcome" @change=${(e: Event) => {
            this.outcome = (e.target as HTMLSelectElement).value as Outcome;
          }}>
            ${OUTCOMES.map((o) => html`<option value=${o} ?selected=${this.outcome === o}>${outcomeName(o)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="bulk-note">${msg('Note (optional)', { id: 'ws.bulk.note' })}</label>
          <input id="bulk-note" maxlength="5000" .value=${this.note} @input=${(e: Event) => {
            this.note = (e.target as HTMLInputElement).value;
          }} />
        </div>
        <button type="button" class="primary" @click=${() => this.run('decide')}>${msg(str`Save decision for ${count}`, { id: 'ws.bulk.decide' })}</button>
        <button type="button" @click=${() => this.run('release')}>${msg(str`Release saved feedback to ${count}`, { id: 'ws.bulk.release' })}</button>
      </fieldset>
      <p role="status">${this.message}</p>
      ${
        this.outcomes.length
          ? html`<ul class="outcomes">${this.outcomes.map(
              (o) =>
                html`<li class=${o.status === 200 ? 'done' : 'failed'}>${
                  o.status === 200
                    ? msg(str`${o.name}: done`, { id: 'ws.bulk.itemDone' })
                    : msg(str`${o.name}: not done — ${failureText(o)}`, {
                        id: 'ws.bulk.itemFailed',
                      })
                }</li>`,
            )}</ul>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-bulk-actions': BulkActions;
  }
}
