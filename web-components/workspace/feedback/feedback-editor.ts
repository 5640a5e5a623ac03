import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StaffFeedback } from '../../../server/contracts/programmes.js';
import {
  emailEnabled,
  feedbackDraft,
  releaseFeedback,
  saveFeedback,
} from '../api/programme-api.js';
import { baseStyles } from '../shared/base.styles.js';
import { confirmInPage } from '../shared/confirm-dialog.js';
import { errorText } from '../shared/error-text.js';
import { formatDateTime } from '../shared/format.js';
import type { WorkspaceContext } from '../workspace-context.js';
import './feedback-preview.js';

/**
 * Feedback for one candidate who finished: a text per competency, prefilled by the server from
 * the rubric's anchor sentences that match the candidate's ratings, a summary, and release
 * (the candidate then reads it through their own link and is told by email).
 */
@localized()
@customElement('ws-feedback-editor')
export class FeedbackEditor extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      textarea {
        min-height: 6rem;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() invitationId = '';
  @property() candidateName = '';
  @state() private feedback: StaffFeedback | null = null;
  @state() private busy = false;
  @state() private message = '';
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('invitationId') && this.invitationId) void this.load();
  }

  private async load() {
    this.feedback = null;
    this.error = '';
    try {
      this.feedback = await feedbackDraft(this.ctx.api, this.invitationId);
    } catch (err) {
      this.error = errorText(err);
    }
  }

  private edit(patch: Partial<StaffFeedback>) {
    this.feedback = { ...this.feedback!, ...patch };
    this.message = '';
  }

  private async save(): Promise<boolean> {
    const { summary, competencies } = this.feedback!;
    this.busy = true;
    this.error = '';
    try {
      this.feedback = await saveFeedback(this.ctx.api, this.invitationId, {
        summary,
        competencies: competencies.map(({ key, text }) => ({ key, text })),
      });
      this.message = msg('Draft saved.', { id: 'ws.fb.saved' });
      return true;
    } catch (err) {
      this.error = errorText(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async release() {
    // Say what will really happen: without a mail server nobody is emailed.
    const emails = await emailEnabled(this.ctx.api).catch(() => true);
    const confirmText = emails
      ? msg(
          str`Release this feedback to ${this.candidateName}? They will be emailed and can read it through their link.`,
          { id: 'ws.fb.releaseConfirm' },
        )
      : msg(
          str`Release this feedback to ${this.candidateName}? No email will be sent: they can read it by opening their interview link, so tell them yourself.`,
          { id: 'ws.fb.releaseConfirmNoEmail' },
        );
    const releaseLabel = msg('Release', { id: 'ws.fb.releaseConfirmButton' });
    // The draft goes out unchanged unless edited: show the language and the very text first.
    const details = html`<ws-feedback-preview .feedback=${this.feedback!}
      .candidateName=${this.candidateName}></ws-feedback-preview>`;
    if (!(await confirmInPage(this, confirmText, releaseLabel, { details }))) return;
    if (!(await this.save())) return;
    this.busy = true;
    try {
      this.feedback = await releaseFeedback(this.ctx.api, this.invitationId);
      this.message = msg('Released: the candidate can now read it.', { id: 'ws.fb.released' });
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.feedback) {
      return this.error
        ? html`<p class="error" role="alert">${this.error}</p>`
        : html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'ws.loading' })}</p>`;
    }
    const f = this.feedback;
    return html`<form @submit=${(e: Event) => {
      e.preventDefault();
      void this.save();
    }}>
      <p class="hint">${
        f.releasedAt
          ? msg(
              str`Released ${formatDateTime(f.releasedAt)}. Changes you save are shown to the candidate.`,
              { id: 'ws.fb.releasedAt' },
            )
          : msg(
              'A draft: the candidate sees nothing until you release it. The texts start from the rubric anchors that match the ratings; make them personal.',
              { id: 'ws.fb.draftHint' },
            )
      }</p>
      <div class="field">
        <label for="fb-summary">${msg('Summary', { id: 'ws.fb.summary' })}</label>
        <textarea id="fb-summary" maxlength="5000" lang=${f.language} .value=${f.summary ?? ''}
          @input=${(e: Event) => this.edit({ summary: (e.target as HTMLTextAreaElement).value })}></textarea>
      </div>
      ${f.competencies.map(
        (c, i) => html`<div class="field">
          <label for="fb-c${i}">${c.name}</label>
          <textarea id="fb-c${i}" maxlength="5000" lang=${f.language} .value=${c.text}
            @input=${(e: Event) =>
              this.edit({
                competencies: f.competencies.map((x, j) =>
                  j === i ? { ...x, text: (e.target as HTMLTextAreaElement).value } : x,
                ),
              })}></textarea>
        </div>`,
      )}
      ${f.competencies.length === 0 ? html`<p class="hint">${msg('This interview has no competencies: write the summary only.', { id: 'ws.fb.noCompetencies' })}</p>` : nothing}
      <p class="error" role="alert">${this.error}</p>
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${msg('Save draft', { id: 'ws.fb.save' })}</button>
        <button type="button" class="primary" ?disabled=${this.busy} @click=${this.release}>${
          f.releasedAt
            ? msg('Save and release again', { id: 'ws.fb.rerelease' })
            : msg('Release to the candidate', { id: 'ws.fb.release' })
        }</button>
        <span role="status">${this.message}</span>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-feedback-editor': FeedbackEditor;
  }
}
