import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { harnessPages } from './component-harness.js';

/** The player's video element, evaluated in the page. */
const VIDEO = "document.querySelector('ws-answer-player').shadowRoot.querySelector('video.main')";

describe('workspace component: <ws-answer-player> in Chromium', function () {
  this.timeout(60_000);
  const ui = harnessPages();
  let page: Page;

  /** A fresh page with one player; events it sends are collected in window.seen. */
  async function mountPlayer(
    src = '/clip.mp4',
    options: { renewTo?: string; waitReady?: boolean } = {},
  ) {
    page = await ui.open();
    await page.evaluate(
      ({ src, renewTo }) => {
        const w = window as any;
        w.seen = [];
        w.renewals = 0;
        for (const name of ['ws-answer-step', 'ws-score-key']) {
          document.addEventListener(name, (e: any) => w.seen.push({ name, detail: e.detail }));
        }
        const player = document.createElement('ws-answer-player') as any;
        player.label = 'Answer to question 1';
        player.src = src;
        if (renewTo) {
          player.renewSource = async () => {
            w.renewals += 1;
            return { videoUrl: renewTo, posterUrl: null };
          };
        }
        document.querySelector('#stage')!.append(player);
      },
      { src, renewTo: options.renewTo },
    );
    if (options.waitReady !== false) await page.waitForFunction(`${VIDEO}?.readyState >= 1`);
  }

  const time = () => page.evaluate<number>(`${VIDEO}.currentTime`);
  const paused = () => page.evaluate<boolean>(`${VIDEO}.paused`);

  it('plays and pauses with Space; the video really advances', async () => {
    await mountPlayer();
    assert.equal(await paused(), true);
    await page.keyboard.press('Space');
    await page.waitForFunction(`${VIDEO}.currentTime > 0.5`, null, { timeout: 10_000 });
    await page.keyboard.press('Space');
    assert.equal(await paused(), true);
    const stopped = await time();
    await page.waitForTimeout(300);
    assert.equal(await time(), stopped, 'paused stays put');
  });

  it('jumps 5 seconds with → and ←, within the video', async () => {
    await mountPlayer();
    await page.keyboard.press('ArrowRight');
    assert.ok(Math.abs((await time()) - 5) < 0.1, `at 5 s: ${await time()}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    assert.ok(Math.abs((await time()) - 5) < 0.1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await time(), 0, 'never before the start');
  });

  it('asks for the previous/next answer with J/K and scores with 1–5, as bubbling events', async () => {
    await mountPlayer();
    for (const key of ['j', 'k', 'K', '1', '5', '6', '0']) await page.keyboard.press(key);
    const seen = await page.evaluate(() => (window as any).seen);
    assert.deepEqual(seen, [
      { name: 'ws-answer-step', detail: { direction: -1 } },
      { name: 'ws-answer-step', detail: { direction: 1 } },
      { name: 'ws-answer-step', detail: { direction: 1 } },
      { name: 'ws-score-key', detail: { score: 1 } },
      { name: 'ws-score-key', detail: { score: 5 } },
    ]);
  });

  it('leaves keys alone while typing elsewhere or with a modifier', async () => {
    await mountPlayer();
    await page.evaluate(() => {
      const field = document.createElement('textarea');
      field.setAttribute('aria-label', 'Notes');
      document.body.append(field);
    });
    await page.getByLabel('Notes').fill('');
    await page.keyboard.type('jk 3');
    assert.equal(await page.getByLabel('Notes').inputValue(), 'jk 3');
    assert.equal(await paused(), true);
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('Control+k');
    assert.deepEqual(await page.evaluate(() => (window as any).seen), []);
  });

  it('changes speed from 0.75× to 2× and remembers it for the next player', async () => {
    await mountPlayer();
    const rate = page.getByLabel('Speed');
    assert.deepEqual(await rate.locator('option').allTextContents(), [
      '0.75×',
      '1×',
      '1.25×',
      '1.5×',
      '1.75×',
      '2×',
    ]);
    await rate.selectOption('1.5');
    assert.equal(await page.evaluate(`${VIDEO}.playbackRate`), 1.5);
    await page.close();
    await mountPlayer();
    assert.equal(await page.getByLabel('Speed').inputValue(), '1.5');
    assert.equal(await page.evaluate(`${VIDEO}.playbackRate`), 1.5);
    await page.getByLabel('Speed').selectOption('1');
  });

  it('gets a fresh link when the video link has expired, and plays it', async () => {
    await mountPlayer('/expired/clip.mp4', { renewTo: '/clip.mp4', waitReady: false });
    await page.waitForFunction(`${VIDEO}.readyState >= 1`, null, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => (window as any).renewals), 1);
    assert.match(await page.evaluate<string>(`${VIDEO}.currentSrc`), /\/clip\.mp4$/);
    await page.keyboard.press('Space');
    await page.waitForFunction(`${VIDEO}.currentTime > 0.3`, null, { timeout: 10_000 });
  });

  it('says so, with a retry, when a fresh link does not play either', async () => {
    await mountPlayer('/expired/a.mp4', { renewTo: '/expired/b.mp4', waitReady: false });
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /could not be played/);
    assert.equal(await page.evaluate(() => (window as any).renewals), 1, 'one renewal, no loop');
  });

  it('shows the preloaded next answer at once: the element that loaded it plays it', async () => {
    await mountPlayer();
    const player = "document.querySelector('ws-answer-player')";
    const spare = `${player}.shadowRoot.querySelector('video.preload')`;
    await page.evaluate(`${player}.preloadSrc = '/clip.mp4?next'`);
    await page.waitForFunction(`${spare}?.readyState >= 3`, null, { timeout: 10_000 });
    await page.evaluate(`${player}.autoplay = true`);
    // Right after the move the answer's frames are already there: nothing loads again.
    const shown = await page.evaluate<{ readyState: number; src: string; label: string }>(
      `(async () => {
        ${player}.src = '/clip.mp4?next';
        await ${player}.updateComplete;
        const v = ${VIDEO};
        return { readyState: v.readyState, src: v.currentSrc, label: v.getAttribute('aria-label') };
      })()`,
    );
    assert.ok(shown.readyState >= 2, `readyState ${shown.readyState} right after the move`);
    assert.match(shown.src, /\/clip\.mp4\?next$/);
    assert.equal(shown.label, 'Answer to question 1');
    await page.waitForFunction(`${VIDEO}.currentTime > 0.3`, null, { timeout: 10_000 });
    // The answer before is silent and hidden, and there is still one video to find.
    assert.equal(await page.evaluate(`${spare}.paused`), true);
    assert.equal(await page.locator('ws-answer-player video:visible').count(), 1);
  });

  it('has no serious accessibility violations', async () => {
    await mountPlayer();
    assert.deepEqual(await seriousAxeViolations(page), []);
  });
});
