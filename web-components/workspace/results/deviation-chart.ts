import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Reliability } from '../../../server/contracts/review.js';
import { baseStyles } from '../shared/base.styles.js';

type ReviewerRow = Reliability['reviewers'][number];

const ROW = 32;
const LABEL_WIDTH = 150;
const BAR_WIDTH = 300;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 60;

/** The axis reaches at least one point either side, and always covers the largest deviation. */
export function axisReach(rows: ReviewerRow[]): number {
  const largest = Math.max(0, ...rows.map((r) => Math.abs(r.meanDeviation ?? 0)));
  return Math.max(1, Math.ceil(largest * 2) / 2);
}

export function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(2)}`;
}

/**
 * Each reviewer's mean deviation from colleagues, as bars either side of zero (left: harsher,
 * right: more lenient), with the value written at each bar; the same figures in a table below,
 * which is what a screen reader reads (the picture has a one-line name).
 */
@localized()
@customElement('ws-deviation-chart')
export class DeviationChart extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      svg {
        width: 100%;
        max-width: 40rem;
        height: auto;
        font: inherit;
        font-size: 13px;
      }
      .bar {
        fill: var(--t-accent);
      }
      .bar.harsher {
        fill: var(--t-warning);
      }
      .axis {
        stroke: var(--t-ink);
      }
      text {
        fill: var(--t-ink);
      }
      table {
        border-collapse: collapse;
        margin-top: 0.5rem;
      }
      /* A phone narrower than the table scrolls the table, not the page (issue 21). */
      .table-scroll {
        max-width: 100%;
        overflow-x: auto;
      }
      th,
      td {
        text-align: left;
        padding: 0.25rem 0.75rem 0.25rem 0;
        border-bottom: 1px solid var(--t-border);
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) reviewers: ReviewerRow[] = [];

  override render() {
    const rows = this.reviewers;
    const reach = axisReach(rows);
    const centre = LABEL_WIDTH + BAR_WIDTH / 2;
    const scale = BAR_WIDTH / 2 / reach;
    const height = rows.length * ROW + 30;
    return html`
      <svg viewBox="0 0 ${WIDTH} ${height}" role="img"
        aria-label=${msg(str`Chart of ${rows.length} reviewer(s)' mean deviation from colleagues; the table below gives the figures.`, { id: 'ws.chart.label' })}>
        <line class="axis" x1=${centre} x2=${centre} y1="0" y2=${rows.length * ROW}></line>
        ${rows.map((row, i) => {
          const y = i * ROW;
          const value = row.meanDeviation;
          const length = value === null ? 0 : Math.abs(value) * scale;
          const x = value !== null && value < 0 ? centre - length : centre;
          const textX = value !== null && value < 0 ? x - 4 : centre + length + 4;
          return svg`<g data-reviewer=${row.reviewer.id}>
            <text x="0" y=${y + ROW / 2 + 4}>${row.reviewer.name.slice(0, 20)}</text>
            <rect class=${value !== null && value < 0 ? 'bar harsher' : 'bar'} x=${x} y=${y + 6} width=${Math.max(length, 1)} height=${ROW - 12}></rect>
            <text x=${textX} y=${y + ROW / 2 + 4} text-anchor=${value !== null && value < 0 ? 'end' : 'start'}>${value === null ? '–' : signed(value)}</text>
          </g>`;
        })}
        <text x=${LABEL_WIDTH} y=${height - 8}>← ${msg('harsher', { id: 'ws.chart.harsher' })}</text>
        <text x=${LABEL_WIDTH + BAR_WIDTH} y=${height - 8} text-anchor="end">${msg('more lenient', { id: 'ws.chart.lenient' })} →</text>
      </svg>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="figures-caption">
      <table>
        <caption id="figures-caption" class="visually-hidden">${msg('Mean deviation from colleagues, by reviewer', { id: 'ws.chart.caption' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Reviewer', { id: 'ws.chart.reviewer' })}</th>
          <th scope="col">${msg('Answers compared', { id: 'ws.chart.ratings' })}</th>
          <th scope="col">${msg('Mean deviation', { id: 'ws.chart.deviation' })}</th>
          <th scope="col">${msg('In words', { id: 'ws.chart.words' })}</th>
        </tr></thead>
        <tbody>${rows.map(
          (row) => html`<tr>
            <th scope="row">${row.reviewer.name}</th>
            <td class="number">${row.ratings}</td>
            <td class="number">${row.meanDeviation === null ? '–' : signed(row.meanDeviation)}</td>
            <td>${this.words(row.meanDeviation)}</td>
          </tr>`,
        )}</tbody>
      </table>
      </div>`;
  }

  private words(value: number | null): string {
    if (value === null) return msg('not enough shared answers', { id: 'ws.chart.none' });
    if (Math.abs(value) < 0.25) return msg('in line with colleagues', { id: 'ws.chart.inLine' });
    return value < 0
      ? msg('harsher than colleagues', { id: 'ws.chart.harsherWords' })
      : msg('more lenient than colleagues', { id: 'ws.chart.lenientWords' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-deviation-chart': DeviationChart;
  }
}
