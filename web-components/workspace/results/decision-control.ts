import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Decision } from '../../../server/contracts/review.js';
import { OUTCOMES, type Outcome } from '../../../server/contracts/review-rules.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { formatDateTime } from '../shared/format.js';

export function outcomeName(outcome: Outcome): string {
  switch (outcome) {
    case 'advance':
      return msg('Advance', { id: 'ws.decision.advance' });
    case 'hold':
      return msg('Hold', { id: 'ws.decision.hold' });
    case 'decline':
      return msg('Decline', { id: 'ws.decision.decline' });
  }
}

export type SaveDecision = (decision: { outcome: Outcome; note?: string }) => Promise<Decision>;

/** Advance, hold or decline one candidate, with a note; a second decision replaces the first. */
@localized()
@customElement('ws-decision-control')
export class DecisionControl extends LitElement {
  static override styles = [
    baseStyles,
    css`
      fieldset {
        margin: 0;
      }
      .outcomes {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
      .outcomes label {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        min-height: 2.75rem;
      }
      .outcomes input {
        width: 1.25rem;
        height: 1.25rem;
      }
      textarea {
        width: 100%;
      }
    `,
  ];

  @property({ attribute: false }) decision: Decision | null = null;
  @property({ attribute: false }) save?: SaveDecision;
  /** Who is decided on, for the group's accessible name ("Decision for Ada Lovelace"). */
  @property() subject = '';
  @state() private outcome: Outcome | null = null;
  @state() private note = '';
  @state() private status = '';
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('decision')) {
      this.outcome = this.decision?.outcome ?? null;
      this.note = this.decision?.note ?? '';
    }
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (!this.outcome || !this.save) {
      this.status = msg('Choose advance, hold or decline first.', { id: 'ws.decision.choose' });
      return;
    }
    this.busy = true;
    this.status = msg('Saving…', { id: 'ws.rating.saving' });
    try {
      this.decision = await this.save({ outcome: this.outcome, note: this.note || undefined });
      this.status = msg('Decision saved.', { id: 'ws.decision.saved' });
    } catch (err) {
      this.status = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const id = (suffix: string) => `decision-${suffix}`;
    return html`<form @submit=${this.submit}>
      <fieldset>
        <legend>${msg('Decision', { id: 'ws.decision.legend' })}<span class="visually-hidden">${this.subject ? ` – ${this.subject}` : ''}</span></legend>
        <div class="outcomes">
          ${OUTCOMES.map(
            (
              o,
            ) => html`<label><input type="radio" name="outcome" value=${o} .checked=${this.outcome === o}
              @change=${() => {
                this.outcome = o;
              }} />${outcomeName(o)}</label>`,
          )}
        </div>
        <label for=${id('note')}>${msg('Note (optional)', { id: 'ws.decision.note' })}</label>
        <textarea id=${id('note')} rows="2" maxlength="2000" .value=${this.note}
          @input=${(e: Event) => {
            this.note = (e.target as HTMLTextAreaElement).value;
          }}></textarea>
      </fieldset>
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${msg('Save decision', { id: 'ws.decision.save' })}</button>
        <span role="status">${this.status}</span>
      </div>
      ${
        this.decision
          ? html`<p class="hint">${msg('Decided by', { id: 'ws.decision.by' })} ${this.decision.decidedBy.name}, ${formatDateTime(this.decision.decidedAt)}</p>`
          : nothing
      }
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-decision-control': DecisionControl;
  }
}
