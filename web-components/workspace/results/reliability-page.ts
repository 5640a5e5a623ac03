import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AlphaFigure } from '../../../server/contracts/review.js';
import { baseStyles } from '../shared/base.styles.js';
import { Loader } from '../shared/loader.js';
import { setPageTitle } from '../shared/page-title.js';
import { href } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import './deviation-chart.js';
import { reviewApi } from '../api/review-api.js';

export type AlphaBand = 'none' | 'poor' | 'tentative' | 'good';

/** Krippendorff's own bands: below .667 discard, up to .8 tentative conclusions, above good. */
export function alphaBand(alpha: number | null): AlphaBand {
  if (alpha === null) return 'none';
  if (alpha < 0.667) return 'poor';
  if (alpha < 0.8) return 'tentative';
  return 'good';
}

function bandWords(band: AlphaBand): string {
  switch (band) {
    case 'none':
      return msg('not enough answers rated by two or more reviewers yet', { id: 'ws.rel.none' });
    case 'poor':
      return msg('poor: reviewers do not agree enough to rely on these scores', {
        id: 'ws.rel.poor',
      });
    case 'tentative':
      return msg('tentative: usable with care', { id: 'ws.rel.tentative' });
    case 'good':
      return msg('good: reviewers agree', { id: 'ws.rel.good' });
  }
}

/** How far reviewers agree: alpha overall and per question, in plain words; each reviewer's lean. */
@localized()
@customElement('ws-reliability-page')
export class ReliabilityPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .figure {
        font-size: 1.3rem;
        font-weight: 700;
      }
      .questions {
        display: grid;
        gap: 0.75rem;
        padding-left: 1.5rem;
      }
      .advice {
        border-left: 4px solid var(--t-warning);
        padding: 0.3rem 0.6rem;
        background: var(--t-surface);
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  private readonly data = new Loader(this, async () => {
    const api = reviewApi(this.ctx.api);
    const [interview, reliability] = await Promise.all([
      api.interview(this.interviewId),
      api.reliability(this.interviewId),
    ]);
    return { interview, reliability };
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId')) void this.data.reload();
  }

  protected override updated(): void {
    setPageTitle(
      msg('Reviewer agreement', { id: 'ws.rel.title' }),
      this.data.value?.interview.title,
    );
  }

  private figure(f: AlphaFigure) {
    const band = alphaBand(f.alpha);
    return html`<span class="figure">${f.alpha === null ? '–' : `α = ${f.alpha.toFixed(2)}`}</span>
      · ${bandWords(band)}
      <span class="hint">(${msg(str`${f.units} answer(s), ${f.ratings} first score(s)`, { id: 'ws.rel.counts' })})</span>`;
  }

  override render() {
    return html`<h1>${msg('Reviewer agreement', { id: 'ws.rel.title' })}</h1>
      ${this.data.render(({ interview, reliability }) => {
        return html`
          <p><a href=${href.interview(interview.id)}>${interview.title}</a> ·
            <a href=${href.results(interview.id)}>${msg('Results and decisions', { id: 'ws.rel.toResults' })}</a></p>
          <p>${msg('Krippendorff’s alpha on each reviewer’s first score (given before they could see colleagues’ scores): 1 is perfect agreement, 0 no better than chance. Below 0.667 is poor, up to 0.8 tentative, above 0.8 good.', { id: 'ws.rel.explain' })}</p>
          <h2>${msg('Overall', { id: 'ws.results.overall' })}</h2>
          <p>${this.figure(reliability.overall)}</p>
          <h2>${msg('By question', { id: 'ws.rel.byQuestion' })}</h2>
          <ol class="questions">
            ${interview.questions.map((q) => {
              const f = reliability.questions.find((r) => r.questionId === q.id);
              if (!f) return nothing;
              return html`<li>
                <p>${q.prompt}</p>
                <p>${this.figure(f)}</p>
                ${
                  alphaBand(f.alpha) === 'poor'
                    ? html`<p class="advice"><span aria-hidden="true">⚠ </span>${msg('Recalibrate this question: rewrite its anchors so each score describes an answer reviewers would recognise, then rate a few answers together and compare.', { id: 'ws.rel.advice' })}
                      <a href=${href.editInterview(interview.id)}>${msg('Edit the anchors', { id: 'ws.rel.editAnchors' })}</a></p>`
                    : nothing
                }
              </li>`;
            })}
          </ol>
          <h2>${msg('Each reviewer compared with colleagues', { id: 'ws.rel.reviewers' })}</h2>
          <p>${msg('The mean of (their first score − the other reviewers’ mean) on the answers they shared. Negative: harsher than colleagues; positive: more lenient.', { id: 'ws.rel.deviationExplain' })}</p>
          <ws-deviation-chart .reviewers=${reliability.reviewers}></ws-deviation-chart>`;
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-reliability-page': ReliabilityPage;
  }
}
