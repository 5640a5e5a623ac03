import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Interview } from '../../../server/contracts/api.js';
import { reviewHref } from '../review/review-entry.js';
import { baseStyles } from '../shared/base.styles.js';
import { formatDateTime } from '../shared/format.js';
import { Loader } from '../shared/loader.js';
import { setPageTitle } from '../shared/page-title.js';
import { href } from '../shell/routes.js';
import { canOrganise, type WorkspaceContext } from '../workspace-context.js';
import { deadlineParts } from './deadline-text.js';
import { interviewListStyles } from './interview-list.styles.js';

/** Every interview, newest first, with a way in to each. */
@localized()
@customElement('ws-interview-list')
export class InterviewList extends LitElement {
  static override styles = [baseStyles, interviewListStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  private readonly interviews = new Loader(this, () => this.ctx.api.interviews());

  override connectedCallback(): void {
    super.connectedCallback();
    void this.interviews.reload();
  }

  protected override updated(): void {
    setPageTitle(msg('Interviews', { id: 'ws.list.title' }));
  }

  override render() {
    return html`
      <div class="top">
        <h1>${msg('Interviews', { id: 'ws.list.title' })}</h1>
        ${canOrganise(this.ctx.user) ? html`<a class="button primary" href=${href.newInterview()}>${msg('New interview', { id: 'ws.list.new' })}</a>` : nothing}
      </div>
      ${this.interviews.render((items) =>
        items.length === 0
          ? html`<p>${msg('No interviews yet.', { id: 'ws.list.empty' })}</p>`
          : html`<ul class="plain">${items.map((item) => this.renderItem(item))}</ul>`,
      )}
    `;
  }

  private renderItem(interview: Interview) {
    const count = interview.questions.length;
    return html`<li class="card">
      <h2><a href=${href.interview(interview.id)}>${interview.title}</a></h2>
      <dl>
        <dt>${msg('Questions', { id: 'ws.list.questions' })}</dt>
        <dd>${count}</dd>
        <dt>${msg('Deadline', { id: 'ws.list.deadline' })}</dt>
        <dd>${deadlineParts(interview).join(' · ') || msg('None', { id: 'ws.list.noDeadline' })}</dd>
        <dt>${msg('Created', { id: 'ws.list.created' })}</dt>
        <dd>${formatDateTime(interview.createdAt)}</dd>
      </dl>
      <a href=${reviewHref(interview)} aria-label=${msg(str`Review answers to ${interview.title}`, { id: 'ws.list.reviewLabel' })}>${msg('Review answers', { id: 'ws.list.review' })}</a>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-interview-list': InterviewList;
  }
}
