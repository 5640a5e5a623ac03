import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Interview } from '../../../server/contracts/api.js';
import type { InterviewStats } from '../api/workspace-api.js';
import '../invitations/invitation-panel.js';
import { LiveController } from '../live/live-controller.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { formatClock } from '../shared/format.js';
import { Loader } from '../shared/loader.js';
import { setPageTitle } from '../shared/page-title.js';
import { href } from '../shell/routes.js';
import { deadlineSentence } from './deadline-text.js';
import '../shared/status-badge.js';
import { confirmBeforeSeeingScores } from '../fairness/sealed-gate.js';
import { otherReviewLink, reviewHref } from '../review/review-entry.js';
import { canOrganise, type WorkspaceContext } from '../workspace-context.js';
import { interviewPageStyles } from './interview-page.styles.js';
import './members-editor.js';

/** One interview: its questions, where candidates stand, and the actions on it. */
@localized()
@customElement('ws-interview-page')
export class InterviewPage extends LitElement {
  static override styles = [baseStyles, interviewPageStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @state() private exportMessage = '';
  private readonly data = new Loader(this, async () => {
    const { api } = this.ctx;
    const [interview, stats] = await Promise.all([
      api.interview(this.interviewId),
      api.interviewStats(this.interviewId),
    ]);
    return { interview, stats };
  });

  // Counts follow candidates live; the panel reloads its rows on the very same events, so the
  // two never disagree for longer than a request (issue 21 item 7).
  private readonly live = new LiveController(this, () => this.ctx.live, {
    'invitation-status': () => void this.data.refresh(),
    resync: () => void this.data.refresh(),
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId')) void this.data.reload();
  }

  private async downloadRatings() {
    // The file shows every colleague's score, like results (fairness/sealed-gate.ts).
    if (!(await confirmBeforeSeeingScores(this, this.ctx, this.interviewId))) return;
    this.exportMessage = msg('Preparing the file…', { id: 'ws.page.exporting' });
    try {
      const { blob, filename } = await this.ctx.api.ratingsCsv(this.interviewId);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.exportMessage = msg('Download started.', { id: 'ws.page.exported' });
    } catch (err) {
      this.exportMessage = errorText(err);
    }
  }

  protected override updated(): void {
    setPageTitle(this.data.value?.interview.title);
  }

  override render() {
    return this.data.render(({ interview, stats }) => this.renderInterview(interview, stats));
  }

  private renderInterview(interview: Interview, stats: InterviewStats) {
    const organiser = canOrganise(this.ctx.user);
    const other = otherReviewLink(interview);
    return html`
      <h1>${interview.title}</h1>
      <p class="meta">${deadlineSentence(interview)}</p>
      <div class="row actions">
        <a class="button primary" href=${reviewHref(interview)}>${msg('Review answers', { id: 'ws.page.review' })}</a>
        <a class="button" href=${other.href}>${other.label}</a>
        ${
          organiser
            ? html`<a class="button" href=${href.results(interview.id)}>${msg('Results', { id: 'ws.results.title' })}</a>
          <a class="button" href=${href.reliability(interview.id)}>${msg('Reviewer agreement', { id: 'ws.rel.title' })}</a>
          <a class="button" href=${href.calibration(interview.id)}>${msg('Reviewer calibration', { id: 'ws.cal.title' })}</a>
          ${this.ctx.user.role === 'admin' ? html`<a class="button" href=${href.fairness(interview.id)}>${msg('Fairness', { id: 'ws.fair.title' })}</a>` : nothing}`
            : nothing
        }
        ${
          organiser
            ? html`<a class="button" href=${href.editInterview(interview.id)}>${msg('Edit', { id: 'ws.page.edit' })}</a>
          <button type="button" @click=${this.downloadRatings}>${msg('Download ratings (CSV)', { id: 'ws.page.export' })}</button>`
            : nothing
        }
        <span role="status">${this.exportMessage}</span>
      </div>
      <div class="layout">
        <section aria-labelledby="about">
          <h2 id="about">${msg('Interview', { id: 'ws.page.about' })}</h2>
          ${interview.intro ? html`<p class="intro">${interview.intro}</p>` : nothing}
          <ol class="questions">
            ${interview.questions.map(
              (q) => html`<li>
              <div>${q.prompt}</div>
              <div class="meta">${msg(str`Think ${formatClock(q.thinkSeconds)} · answer up to ${formatClock(q.maxSeconds)} · ${q.retakes} retake(s)`, { id: 'ws.page.questionMeta' })}</div>
            </li>`,
            )}
          </ol>
          ${this.renderCounts(stats)}
        </section>
        ${
          organiser
            ? html`<ws-invitation-panel .ctx=${this.ctx} .interviewId=${interview.id}
          .locations=${interview.public?.locations ?? []}
          @ws-invited=${() => this.data.reload()}></ws-invitation-panel>`
            : nothing
        }
      </div>
      ${organiser ? html`<ws-members-editor class="members" .ctx=${this.ctx} .interviewId=${interview.id}></ws-members-editor>` : nothing}
    `;
  }

  private renderCounts(stats: InterviewStats) {
    const { invited, started, completed, expired } = stats.invitations;
    return html`<h3>${msg('Where candidates stand', { id: 'ws.page.candidates' })}</h3>
      <p class="counts">
        <span>${msg(str`${invited} invited`, { id: 'ws.page.countInvited' })}</span>
        <span>${msg(str`${started} started`, { id: 'ws.page.countStarted' })}</span>
        <span>${msg(str`${completed} completed`, { id: 'ws.page.countCompleted' })}</span>
        <span>${msg(str`${expired} expired`, { id: 'ws.page.countExpired' })}</span>
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-interview-page': InterviewPage;
  }
}
