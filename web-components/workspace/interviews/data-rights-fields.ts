import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { InterviewDataRights } from '../../../server/contracts/data-rights.js';
import { baseStyles } from '../shared/base.styles.js';
import type { WorkspaceContext } from '../workspace-context.js';

/**
 * Retention and privacy notice, inside the interview editor's form: the editor reads `values()`
 * when it saves, so these fields save with the rest of the interview.
 */
@localized()
@customElement('ws-data-rights-fields')
export class DataRightsFields extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @state() private retentionDays = 365;
  @state() private privacyText = '';

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    if (!this.interviewId) return;
    const interview = (await this.ctx.api.interview(
      this.interviewId,
    )) as unknown as Partial<InterviewDataRights>;
    this.retentionDays = interview.retentionDays ?? 365;
    this.privacyText = interview.privacyText ?? '';
  }

  values(): InterviewDataRights {
    return { retentionDays: this.retentionDays, privacyText: this.privacyText.trim() || null };
  }

  override render() {
    const days = this.retentionDays;
    return html`<fieldset>
      <legend>${msg('Candidates’ data', { id: 'ws.rights.legend' })}</legend>
      <div class="field">
        <label for="retention">${msg('Erase each candidate’s data after (days)', { id: 'ws.rights.days' })}</label>
        <input id="retention" type="number" min="0" max="3650" step="1" required inputmode="numeric"
          aria-describedby="retention-hint" .value=${String(days)}
          @input=${(e: Event) => {
            this.retentionDays = Number((e.target as HTMLInputElement).value);
          }} />
        <p class="hint" id="retention-hint">${
          days === 0
            ? msg(
                'Their name, email, recordings, ratings, decision and feedback are erased as soon as the interview closes.',
                { id: 'ws.rights.hintZero' },
              )
            : msg(
                str`Their name, email, recordings, ratings, decision and feedback are erased ${days} days after the deadline (or after their link expires when there is no deadline). Candidates can also erase them sooner themselves.`,
                { id: 'ws.rights.hint' },
              )
        }</p>
      </div>
      <div class="field">
        <label for="privacy">${msg('Privacy notice for candidates (optional)', { id: 'ws.rights.privacy' })}</label>
        <textarea id="privacy" rows="4" maxlength="20000" aria-describedby="privacy-hint" .value=${this.privacyText}
          @input=${(e: Event) => {
            this.privacyText = (e.target as HTMLTextAreaElement).value;
          }}></textarea>
        <p class="hint" id="privacy-hint">${msg('Candidates read it and agree to it before recording. Leave empty for the standard notice.', { id: 'ws.rights.privacyHint' })}</p>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-data-rights-fields': DataRightsFields;
  }
}
