import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { harnessPages } from './component-harness.js';

const REVIEWERS = [
  { reviewer: { id: 'r1', name: 'Rita' }, ratings: 12, meanDeviation: -0.75 },
  { reviewer: { id: 'r2', name: 'Sam' }, ratings: 10, meanDeviation: 0.5 },
  { reviewer: { id: 'r3', name: 'Lou' }, ratings: 0, meanDeviation: null },
];

describe('workspace component: <ws-deviation-chart> in Chromium', function () {
  this.timeout(60_000);
  const ui = harnessPages();
  let page: Page;

  before(async () => {
    page = await ui.open();
    await page.evaluate((reviewers) => {
      const chart = document.createElement('ws-deviation-chart') as any;
      chart.reviewers = reviewers;
      document.querySelector('#stage')!.append(chart);
    }, REVIEWERS);
  });

  it('draws harsher reviewers left of zero and lenient ones right, values written out', async () => {
    await page.getByRole('img', { name: /mean deviation from colleagues/ }).waitFor();
    const bars = await page.evaluate(() => {
      const root = document.querySelector('ws-deviation-chart')!.shadowRoot!;
      const axis = Number(root.querySelector('line.axis')!.getAttribute('x1'));
      return [...root.querySelectorAll('g[data-reviewer]')].map((g) => {
        const rect = g.querySelector('rect')!;
        const x = Number(rect.getAttribute('x'));
        const width = Number(rect.getAttribute('width'));
        return {
          id: g.getAttribute('data-reviewer'),
          side: width <= 1 ? 'none' : x + width <= axis ? 'left' : x >= axis ? 'right' : 'both',
          width,
          text: g.querySelectorAll('text')[1]!.textContent,
        };
      });
    });
    assert.deepEqual(
      bars.map((b) => [b.id, b.side, b.text]),
      [
        ['r1', 'left', '−0.75'],
        ['r2', 'right', '+0.50'],
        ['r3', 'none', '–'],
      ],
    );
    assert.ok(Math.abs(bars[0]!.width / bars[1]!.width - 1.5) < 0.01, 'lengths in proportion');
  });

  it('gives the same figures, in words, in a table', async () => {
    const rows = await page.getByRole('row').allTextContents();
    assert.equal(rows.length, 4);
    assert.match(rows[1]!, /Rita\s*12\s*−0\.75\s*harsher than colleagues/);
    assert.match(rows[2]!, /Sam\s*10\s*\+0\.50\s*more lenient than colleagues/);
    assert.match(rows[3]!, /Lou\s*0\s*–\s*not enough shared answers/);
    assert.deepEqual(await seriousAxeViolations(page), []);
  });

  it('fits a 360 px phone without sideways scrolling; the table scrolls inside a named region (issue 21)', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.evaluate((reviewers) => {
      const chart = document.querySelector('ws-deviation-chart') as any;
      chart.reviewers = [
        ...reviewers,
        {
          reviewer: { id: 'r4', name: 'Hubert Wolfeschlegelsteinhausenberger' },
          ratings: 1234,
          meanDeviation: 0.1,
        },
      ];
    }, REVIEWERS);
    try {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `${overflow} px wider than the phone`);
      const region = page.getByRole('region', {
        name: 'Mean deviation from colleagues, by reviewer',
      });
      assert.equal(await region.getByRole('table').count(), 1);
      assert.deepEqual(await seriousAxeViolations(page), []);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });
});
