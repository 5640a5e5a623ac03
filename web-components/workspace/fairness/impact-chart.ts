import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AdverseImpactCategory } from '../../../server/contracts/fairness.js';
import { baseStyles } from '../shared/base.styles.js';

const ROW = 34;
const LABEL_WIDTH = 130;
const BAR_WIDTH = 260;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 70;

export function percent(rate: number): string {
  // A no-break space keeps "71.4 %" on one line.
  return `${(rate * 100).toFixed(1)}\u00a0%`;
}

/**
 * One stage of one question: each group's rate as a bar, with the four-fifths line (80 % of
 * the highest rate) drawn across; flagged groups carry a written mark, not a colour alone. The
 * same figures, with the tests, are in the table beside it, which is what a screen reader reads
 * (the picture has a one-sentence summary).
 */
@localized()
@customElement('ws-impact-chart')
export class ImpactChart extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2rem;
        align-items: flex-start;
      }
      figure {
        margin: 0;
        flex: 1 1 18rem;
        max-width: 30rem;
      }
      svg {
        width: 100%;
        height: auto;
        font: inherit;
        font-size: 15px;
      }
      .bar {
        fill: var(--t-accent);
      }
      .bar.flagged {
        fill: var(--t-warning);
      }
      .line {
        stroke: var(--t-danger);
        stroke-width: 2;
        stroke-dasharray: 6 4;
      }
      text {
        fill: var(--t-ink);
      }
      .table-wrap {
        flex: 1 1 20rem;
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: 0.25rem 0.6rem 0.25rem 0;
        border-bottom: 1px solid var(--t-border);
      }
      td.number {
        white-space: nowrap;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .suppressed {
        color: var(--t-muted);
      }
    `,
  ];

  @property({ attribute: false }) category!: AdverseImpactCategory;
  /** Option key → label in the page's language. */
  @property({ attribute: false }) labels: Record<string, string> = {};
  @property() caption = '';

  private label(option: string): string {
    return this.labels[option] ?? option;
  }

  override render() {
    const { groups, comparisons, referenceOption, suppressed } = this.category;
    if (groups.length === 0)
      return html`<p class="suppressed">${msg('No group has 5 or more people yet: nothing to compare.', { id: 'ws.fair.noGroups' })}</p>`;
    const byOption = new Map(comparisons.map((c) => [c.option, c]));
    const reference = groups.find((g) => g.option === referenceOption);
    const line = LABEL_WIDTH + (reference?.rate ?? 0) * 0.8 * BAR_WIDTH;
    const height = groups.length * ROW + 28;
    const flagged = comparisons.filter((c) => c.flagged).map((c) => this.label(c.option));
    const flaggedText = flagged.length
      ? msg(str`Flagged: ${flagged.join(', ')}.`, { id: 'ws.fair.chartFlagged' })
      : msg('No group flagged.', { id: 'ws.fair.chartNone' });
    const rates = groups.map((g) => `${this.label(g.option)} ${percent(g.rate)}`).join(', ');
    const summary = `${this.caption}: ${rates}. ${flaggedText}`;
    return html`
      <figure>
        <svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${summary}>
          ${groups.map((g, i) => {
            const y = i * ROW;
            const isFlagged = byOption.get(g.option)?.flagged ?? false;
            return svg`<g>
              <text x="0" y=${y + ROW / 2 + 4}>${this.label(g.option).slice(0, 18)}</text>
              <rect class=${isFlagged ? 'bar flagged' : 'bar'} x=${LABEL_WIDTH} y=${y + 7}
                width=${Math.max(g.rate * BAR_WIDTH, 1)} height=${ROW - 14}></rect>
              <text x=${LABEL_WIDTH + g.rate * BAR_WIDTH + 4} y=${y + ROW / 2 + 4}>${percent(g.rate)}${isFlagged ? ' ⚑' : ''}</text>
            </g>`;
          })}
          ${
            reference
              ? svg`<line class="line" x1=${line} x2=${line} y1="0" y2=${groups.length * ROW}></line>
                <text x=${line} y=${height - 8} text-anchor="middle">${msg('4/5 of highest', { id: 'ws.fair.lineLabel' })}</text>`
              : nothing
          }
        </svg>
      </figure>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${this.caption}>
        <table>
          <caption class="visually-hidden">${this.caption}</caption>
          <thead><tr>
            <th scope="col">${msg('Group', { id: 'ws.fair.group' })}</th>
            <th scope="col">${msg('People', { id: 'ws.fair.n' })}</th>
            <th scope="col">${msg('Passed', { id: 'ws.fair.selected' })}</th>
            <th scope="col">${msg('Rate', { id: 'ws.fair.rate' })}</th>
            <th scope="col">${msg('Impact ratio', { id: 'ws.fair.ratio' })}</th>
            <th scope="col">z</th>
            <th scope="col">p (z)</th>
            <th scope="col">${msg('p (Fisher)', { id: 'ws.fair.fisher' })}</th>
            <th scope="col">${msg('Flag', { id: 'ws.fair.flag' })}</th>
          </tr></thead>
          <tbody>${groups.map((g) => {
            const c = byOption.get(g.option);
            return html`<tr>
              <th scope="row">${this.label(g.option)}</th>
              <td class="number">${g.n}</td>
              <td class="number">${g.selected}</td>
              <td class="number">${percent(g.rate)}</td>
              <td class="number">${c ? c.impactRatio.toFixed(2) : msg('reference', { id: 'ws.fair.reference' })}</td>
              <td class="number">${c ? c.z.toFixed(2) : '–'}</td>
              <td class="number">${c ? c.pTwoSided.toFixed(4) : '–'}</td>
              <td class="number">${c ? c.pFisher.toFixed(4) : '–'}</td>
              <td>${c?.flagged ? html`<strong>⚑ ${msg('flagged', { id: 'ws.fair.flagged' })}</strong>` : msg('no', { id: 'ws.fair.notFlagged' })}</td>
            </tr>`;
          })}</tbody>
        </table>
        ${
          suppressed.length
            ? html`<p class="suppressed">${msg(str`Fewer than 5 people, not shown: ${suppressed.map((o) => this.label(o)).join(', ')}.`, { id: 'ws.fair.suppressed' })}</p>`
            : nothing
        }
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-impact-chart': ImpactChart;
  }
}
