import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { inviteCandidate, reachPractice, skipPractice } from './support.js';

/** Portrait phones, a tablet and a laptop: what the candidate needs must fit on each. */
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];

/** Fails unless the element is entirely inside the viewport, with no scrolling by the person. */
async function assertInView(page: Page, target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  const { width, height } = page.viewportSize()!;
  assert.ok(box, `${what} is not rendered`);
  const inside =
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= width + 0.5 &&
    box.y + box.height <= height + 0.5;
  assert.ok(
    inside,
    `${what} at y=${Math.round(box.y)}–${Math.round(box.y + box.height)} in a ${width}×${height} screen`,
  );
}

/** Fails if something (a pinned panel, say) covers the bottom edge of the element. */
async function assertUncovered(target: Locator, what: string): Promise<void> {
  const covered = await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const [x, y] = [box.x + box.width / 2, box.bottom - 4];
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    const inside = hit === element || element.contains(hit) || element.shadowRoot?.contains(hit);
    return inside ? null : (hit?.tagName ?? 'nothing');
  });
  assert.equal(covered, null, `${what} is covered by ${covered}`);
}

/** What the recorder's polite live region says, read from the accessibility tree. */
function spoken(page: Page): Promise<string> {
  return page.locator('div[aria-live="polite"]').ariaSnapshot();
}

/** Everything the live region said while `action` ran, polled from the accessibility tree. */
async function listen(page: Page, ms: number): Promise<string[]> {
  const heard: string[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const text = await spoken(page);
    if (heard[heard.length - 1] !== text) heard.push(text);
    await page.waitForTimeout(100);
  }
  return heard;
}

describe('candidate recorder: controls in view on every screen', function () {
  this.timeout(240_000);
  // A touch screen: phones held upright record in portrait, as real ones do.
  const e2e = serverAndBrowser({
    browser: { isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  });

  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width}×${viewport.height}: preview, time left, progress and Stop while recording; Start while thinking`, async () => {
      const invited = await inviteCandidate(e2e.server, [
        {
          prompt: 'Describe a project you are proud of, and what you would do differently now.',
          thinkSeconds: 8,
          maxSeconds: 60,
          retakes: 1,
        },
      ]);
      const page = await e2e.browser.newPage();
      await page.setViewportSize(viewport);
      const checkAxe = viewport.width === 360;
      await reachPractice(page, invited.url);
      if (checkAxe) assert.deepEqual(await seriousAxeViolations(page), [], 'practice');
      await skipPractice(page);
      await page.getByRole('button', { name: 'Show the question' }).click();

      const startNow = page.getByRole('button', { name: 'Start recording now' });
      await startNow.waitFor();
      await assertInView(page, startNow, '"Start recording now"');
      await assertInView(page, page.getByRole('timer'), 'the thinking clock');
      if (checkAxe) {
        // 8 s to think: "Recording starts in 10 seconds" would be untrue, so it is not said.
        const heard = await listen(page, 2500);
        assert.ok(
          heard.some((h) => h.includes('Thinking time: 8 seconds.')),
          heard.join(' | '),
        );
        assert.ok(
          !heard.some((h) => h.includes('Recording starts in 10 seconds')),
          heard.join(' | '),
        );
        assert.deepEqual(await seriousAxeViolations(page), [], 'thinking');
      }
      // On a loaded machine the 8 s may be over already: recording then started by itself.
      await startNow.click({ timeout: 2000 }).catch(() => undefined);

      const stop = page.getByRole('button', { name: 'Stop recording' });
      await stop.waitFor();
      await page.waitForTimeout(1500);
      const preview = page.locator('question-step camera-preview');
      await assertInView(page, preview, 'the preview');
      await assertUncovered(preview, 'the preview');
      await assertInView(page, page.getByRole('timer'), 'the clock');
      await assertInView(page, page.getByText(/left\. Recording stops by itself/), 'the time left');
      await assertInView(
        page,
        page.getByRole('progressbar', { name: 'Answer time used' }),
        'the progress bar',
      );
      await assertInView(page, stop, '"Stop recording"');
      if (checkAxe) {
        assert.match(await spoken(page), /Recording\. You have 1 minute\./);
        assert.deepEqual(await seriousAxeViolations(page), [], 'recording');
      }
      if (process.env.SCREENSHOTS) {
        await page.screenshot({
          path: `${process.env.SCREENSHOTS}/recording-${viewport.width}.png`,
        });
      }
      await stop.click();
      await page.getByText('Your answer is saved.').first().waitFor({ timeout: 30_000 });
      if (checkAxe) assert.deepEqual(await seriousAxeViolations(page), [], 'saved');
      await page.close();
    });
  }

  it('announces "Recording starts in 10 seconds" when there is longer to think', async () => {
    const invited = await inviteCandidate(e2e.server, [
      { prompt: 'Why this role?', thinkSeconds: 12, maxSeconds: 30, retakes: 0 },
    ]);
    const page = await e2e.browser.newPage();
    await page.setViewportSize({ width: 360, height: 640 });
    await reachPractice(page, invited.url);
    await skipPractice(page);
    await page.getByRole('button', { name: 'Show the question' }).click();
    await page.getByRole('button', { name: 'Start recording now' }).waitFor();
    const heard = await listen(page, 4000);
    assert.ok(
      heard.some((h) => h.includes('Thinking time: 12 seconds.')),
      heard.join(' | '),
    );
    assert.ok(
      heard.some((h) => h.includes('Recording starts in 10 seconds.')),
      heard.join(' | '),
    );
    await page.close();
  });
});
