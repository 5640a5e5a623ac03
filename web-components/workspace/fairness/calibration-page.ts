import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReviewerCalibration } from '../../../server/contracts/fairness.js';
import { reviewApi } from '../api/review-api.js';
import { signed } from '../results/deviation-chart.js';
import { baseStyles } from '../shared/base.styles.js';
import { Loader } from '../shared/loader.js';
import { setPageTitle } from '../shared/page-title.js';
import { href } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { fairnessApi } from './fairness-api.js';

const W = 220;
const H = 64;
/** Differences run from −4 to +4; the chart shows ±2, clipping the rare larger ones. */
const REACH = 2;

function value(n: number | null, digits = 2): string {
  return n === null ? '–' : n.toFixed(digits);
}

/**
 * Organisers: how each reviewer's scores on reference answers compare with the expert's —
 * bias, mean absolute error, exact and adjacent agreement, drift over their last ratings — with
 * a small chart of their recent differences. An alarm is written, not only coloured.
 */
@localized()
@customElement('ws-calibration-page')
export class CalibrationPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul.reviewers {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
      }
      li {
        border: 1px solid var(--t-border);
        border-radius: var(--t-radius-md);
        padding: 0.75rem;
      }
      li.alarm {
        border: 3px solid var(--t-danger);
      }
      dl {
        display: grid;
        grid-template-columns: auto auto;
        gap: 0.1rem 1rem;
        margin: 0.5rem 0;
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      svg {
        width: 100%;
        max-width: ${W}px;
        height: auto;
      }
      .zero {
        stroke: var(--t-muted);
      }
      .trace {
        fill: none;
        stroke: var(--t-accent);
        stroke-width: 2;
      }
      circle {
        fill: var(--t-accent);
      }
      .explain {
        max-width: 48rem;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  private readonly data = new Loader(this, async () => {
    const [interview, report] = await Promise.all([
      reviewApi(this.ctx.api).interview(this.interviewId),
      fairnessApi(this.ctx.api).calibration(this.interviewId),
    ]);
    return { interview, report };
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId')) void this.data.reload();
  }

  protected override updated(): void {
    setPageTitle(
      msg('Reviewer calibration', { id: 'ws.cal.title' }),
      this.data.value?.interview.title,
    );
  }

  private chart(r: ReviewerCalibration) {
    const points = r.recent.map((d, i) => {
      const x = r.recent.length === 1 ? W / 2 : 8 + (i * (W - 16)) / (r.recent.length - 1);
      const clipped = Math.max(-REACH, Math.min(REACH, d.difference));
      return [x, H / 2 - (clipped / REACH) * (H / 2 - 6)] as const;
    });
    const label = msg(
      str`Score minus expert on the last ${r.recent.length} reference answers: ${r.recent.map((d) => signed(d.difference)).join(', ')}`,
      { id: 'ws.cal.chartLabel' },
    );
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
      <line class="zero" x1="0" x2=${W} y1=${H / 2} y2=${H / 2}></line>
      ${points.length > 1 ? svg`<polyline class="trace" points=${points.map((p) => p.join(',')).join(' ')}></polyline>` : nothing}
      ${points.map(([x, y]) => svg`<circle cx=${x} cy=${y} r="3"></circle>`)}
    </svg>`;
  }

  override render() {
    return html`<h1>${msg('Reviewer calibration', { id: 'ws.cal.title' })}</h1>
      ${this.data.render(
        ({ interview, report }) => html`
        <p><a href=${href.interview(interview.id)}>${interview.title}</a></p>
        <p class="explain">${msg('Each reviewer’s first scores on reference answers (scored by an expert) compared with the expert’s: bias is the mean of (score − expert), positive when more lenient; error the mean distance; exact and within-one the share of scores equal to, or one point from, the expert’s. An alarm means at least 5 recent ratings drift by 0.75 points or more on average: time for a calibration conversation, not a judgement of the person.', { id: 'ws.cal.explain' })}</p>
        ${
          report.reviewers.length === 0
            ? html`<p>${msg('Nobody has rated a reference answer yet.', { id: 'ws.cal.none' })}</p>`
            : html`<ul class="reviewers">${report.reviewers.map(
                (r) => html`<li class=${r.alarm ? 'alarm' : ''}>
                  <h2>${r.reviewer.name}</h2>
                  ${r.alarm ? html`<p><strong>⚠ ${msg(str`Alarm: recent drift ${signed(r.recentBias ?? 0)}`, { id: 'ws.cal.alarm' })}</strong></p>` : nothing}
                  <dl>
                    <dt>${msg('Rated', { id: 'ws.cal.rated' })}</dt><dd>${r.rated}</dd>
                    <dt>${msg('Bias', { id: 'ws.cal.bias' })}</dt><dd>${r.bias === null ? '–' : signed(r.bias)}</dd>
                    <dt>${msg('Mean error', { id: 'ws.cal.mae' })}</dt><dd>${value(r.mae)}</dd>
                    <dt>${msg('Exact', { id: 'ws.cal.exact' })}</dt><dd>${r.exact === null ? '–' : `${Math.round(r.exact * 100)} %`}</dd>
                    <dt>${msg('Within one point', { id: 'ws.cal.adjacent' })}</dt><dd>${r.adjacent === null ? '–' : `${Math.round(r.adjacent * 100)} %`}</dd>
                    <dt>${msg('Recent bias (last 10)', { id: 'ws.cal.recent' })}</dt><dd>${r.recentBias === null ? '–' : signed(r.recentBias)}</dd>
                  </dl>
                  ${r.recent.length ? this.chart(r) : nothing}
                </li>`,
              )}</ul>`
        }`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-calibration-page': CalibrationPage;
  }
}
