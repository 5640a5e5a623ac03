import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Interview } from '../../../server/contracts/api.js';
import { reviewApi } from '../api/review-api.js';
import { baseStyles } from '../shared/base.styles.js';
import { Loader } from '../shared/loader.js';
import { href } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';

/** The questions of an interview to review one at a time, with how far I am on each. */
@localized()
@customElement('ws-question-picker')
export class QuestionPicker extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ol {
        padding-left: 1.5rem;
        display: grid;
        gap: 0.75rem;
      }
      .meta {
        color: var(--t-muted);
        margin: 0.2rem 0 0;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property({ attribute: false }) interview!: Interview;
  private readonly counts = new Loader(this, () =>
    Promise.all(
      this.interview.questions.map(async (q) => {
        const items = await reviewApi(this.ctx.api).byQuestion(this.interview.id, q.id);
        const rateable = items.filter((i) => i.status !== 'failed');
        return {
          total: rateable.length,
          waiting: rateable.filter((i) => i.myScore === null).length,
        };
      }),
    ),
  );

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interview')) void this.counts.reload();
  }

  override render() {
    const interview = this.interview;
    return html`<h1>${msg('Review by question', { id: 'ws.byq.pickTitle' })}</h1>
      <p><a href=${href.interview(interview.id)}>${interview.title}</a></p>
      <p><a class="button" href=${href.queue({ interviewId: interview.id })}>${msg('Review candidate by candidate', { id: 'ws.review.byCandidate' })}</a></p>
      <p>${msg('Rate every candidate’s answer to one question before the next: it keeps one strong answer from colouring the rest.', { id: 'ws.byq.why' })}</p>
      <ol>
        ${interview.questions.map((q, i) => {
          const count = this.counts.value?.[i];
          return html`<li>
            <a href=${href.byQuestion(interview.id, q.id)}>${q.prompt}</a>
            <p class="meta">${
              count
                ? msg(str`${count.waiting} of ${count.total} waiting for you`, {
                    id: 'ws.byq.waiting',
                  })
                : msg('Loading…', { id: 'ws.loading' })
            }</p>
          </li>`;
        })}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-question-picker': QuestionPicker;
  }
}
