import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { PHONE, seriousAxeViolations } from '../../helpers/browser.js';
import { useBrowser } from '../../helpers/browser-suite.js';
import { type GuestHarness, sampleSession, startGuestHarness } from './guest-harness.js';

const LAPTOP = { width: 1280, height: 800 };

/** The element that has focus, through shadow roots. */
function focusedText(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName.toLowerCase()} ${el?.textContent?.trim() ?? ''}`;
  });
}

describe('hiring manager page at /s/<token>, in Chromium', function () {
  this.timeout(90_000);
  const phone = useBrowser({ ...PHONE, locale: 'en-GB' });
  let harness: GuestHarness;
  let page: Page;

  before(async () => {
    harness = await startGuestHarness();
  });
  after(async () => {
    await harness?.close();
  });

  /** Goes back to a rated question through its marker: its score (radio within `scope`) and comment are kept. */
  async function expectKeptRating(
    scope: Page | Locator,
    question: number,
    score: number,
    comment: string,
  ) {
    await page.getByRole('button', { name: `Q${question} rated` }).click();
    await page.getByRole('heading', { name: `Question ${question} of 2` }).waitFor();
    assert.equal(
      await scope.getByRole('radio', { name: String(score), exact: true }).isChecked(),
      true,
    );
    assert.equal(
      await page.getByRole('textbox', { name: 'Comment (optional)' }).inputValue(),
      comment,
    );
  }

  function share(token: string, overrides: Parameters<typeof sampleSession>[1] = {}) {
    harness.links.set(token, { session: sampleSession(harness.clipUrl, overrides) });
    return `${harness.url}/s/${token}`;
  }

  it('shows one candidate on a phone: the video with its speeds in view, the question and what to look for', async () => {
    const url = share('tok-phone');
    page = await phone.newPage();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Candidate 7' }).waitFor();
    assert.equal(await page.title(), 'Candidate 7 – Boutique assistant – Lyon');
    assert.deepEqual(harness.opens, ['tok-phone'], 'the page asks with the token as Bearer');
    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    const text =
      (await page.locator('guest-page').evaluate((el) => el.shadowRoot!.textContent)) ?? '';
    for (const part of [
      'Boutique assistant – Lyon',
      'Shared with Claire Martin.',
      'Tell us about a customer you helped recently.',
      'Customer service',
      'What to look for',
      'Listens first; names a concrete action and its result.',
    ])
      assert.ok(
        text.includes(part) || (await page.getByText(part, { exact: false }).count()) > 0,
        `the page shows "${part}"`,
      );
    const video = page.getByLabel('Answer to question 1');
    await video.waitFor();
    await page.waitForFunction(() => {
      const host = document.querySelector('guest-page')!.shadowRoot!.querySelector('guest-answer')!;
      const v = host.shadowRoot!.querySelector('guest-player')!.shadowRoot!.querySelector('video')!;
      return v.readyState >= 1;
    });
    // On a 360 × 740 phone the video and every speed button are on screen without scrolling.
    const speeds = page.getByRole('group', { name: 'Playback speed' });
    for (const target of [video, speeds.getByRole('button', { name: '2×' })]) {
      const box = (await target.boundingBox())!;
      assert.ok(box.y >= 0 && box.y + box.height <= 740, 'in view on the phone');
      assert.ok(box.x >= 0 && box.x + box.width <= 360, 'no sideways scrolling');
    }
    await speeds.getByRole('button', { name: '1.5×' }).click();
    assert.equal(
      await speeds.getByRole('button', { name: '1.5×' }).getAttribute('aria-pressed'),
      'true',
    );
    assert.equal(await video.evaluate((v: HTMLVideoElement) => v.playbackRate), 1.5);
    assert.equal(await page.getByText('@').count(), 0, 'no email anywhere');
    assert.deepEqual(await seriousAxeViolations(page), []);
  });

  it('rates with the keyboard alone: score, comment, save; what is sent is exactly that', async () => {
    const url = share('tok-keys');
    page = await phone.newPage();
    await page.goto(url);
    const legend = page.getByRole('group', { name: 'Your score, from 1 (weak) to 5 (excellent)' });
    await legend.waitFor();
    // The score needs choosing first: saving without one says so and sends nothing.
    await page.getByRole('button', { name: 'Save my rating' }).click();
    await page.getByRole('alert').getByText('Choose a score from 1 to 5 first.').waitFor();
    assert.equal(harness.saved.length, 0);
    // Each score says what it means (the anchor), so the radio's name carries it.
    await legend.getByRole('radio', { name: '3 An example with a clear action.' }).focus();
    await page.keyboard.press('ArrowDown'); // radios move and select with the arrows
    assert.equal(await legend.getByRole('radio', { name: '4', exact: true }).isChecked(), true);
    await page.keyboard.press('Tab');
    assert.match(await focusedText(page), /^textarea/);
    await page.keyboard.type('Warm, concrete; a little long.');
    await page.keyboard.press('Tab');
    assert.match(await focusedText(page), /Save my rating/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Saved: 4 out of 5.').waitFor();
    assert.deepEqual(harness.saved, [
      {
        token: 'tok-keys',
        answerId: 'ans-1',
        rating: { score: 4, comment: 'Warm, concrete; a little long.' },
      },
    ]);
    // On to question 2; its heading takes the focus, and question 1 is marked rated in words.
    await page.getByRole('button', { name: 'Next question →' }).click();
    await page.getByRole('heading', { name: 'Question 2 of 2' }).waitFor();
    assert.match(await focusedText(page), /^h2 Question 2 of 2/);
    await expectKeptRating(legend, 1, 4, 'Warm, concrete; a little long.');
  });

  it('shows the rating given before (after a reload) as saved', async () => {
    const session = sampleSession(harness.clipUrl);
    session.answers[1]!.myRating = { score: 2, comment: 'Too short.' };
    harness.links.set('tok-again', { session });
    page = await phone.newPage();
    await page.goto(`${harness.url}/s/tok-again`);
    await expectKeptRating(page, 2, 2, 'Too short.');
  });

  it('shows the name only when shared with it, and a watch-only link has the anchors but no score', async () => {
    const url = share('tok-watch', {
      candidate: { label: 'Candidate 7', name: 'Inès Moreau' },
      allowRating: false,
    });
    page = await phone.newPage();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Inès Moreau' }).waitFor();
    await page.getByRole('heading', { name: 'What each score means' }).waitFor();
    await page.getByText('An example with action, result and what they learned.').waitFor();
    assert.equal(await page.getByRole('radio').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Save my rating' }).count(), 0);
  });

  it('says the link has expired or was withdrawn, on open and when revoked while open', async () => {
    page = await phone.newPage();
    await page.goto(`${harness.url}/s/no-such-token`);
    const gone = page.getByRole('heading', {
      level: 1,
      name: 'This link has expired or was withdrawn',
    });
    await gone.waitFor();
    assert.equal(await page.title(), 'This link has expired or was withdrawn');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.close();

    const url = share('tok-revoked');
    page = await phone.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    harness.links.get('tok-revoked')!.revoked = true;
    await page.getByRole('radio', { name: /^5/ }).check();
    await page.getByRole('button', { name: 'Save my rating' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'This link has expired or was withdrawn' })
      .waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Question 1 of 2' }).count(), 0);
  });

  for (const viewport of [PHONE.viewport!, LAPTOP])
    it(`has no serious or critical axe findings at ${viewport.width}×${viewport.height}, in English and in French`, async () => {
      const url = share(`tok-axe-${viewport.width}`);
      page = await phone.newPage();
      await page.setViewportSize(viewport);
      await page.goto(url);
      await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), [], 'English');
      await page.getByRole('button', { name: 'Français' }).click();
      await page.getByRole('heading', { name: 'Question 1 sur 2' }).waitFor();
      // The whole page follows, not only the question: the page element was in the HTML
      // before its script ran, and still re-renders on a switch.
      await page.getByRole('button', { name: 'Question suivante →' }).waitFor();
      assert.equal(
        await page.getByRole('button', { name: 'Français' }).getAttribute('aria-current'),
        'true',
      );
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
      assert.deepEqual(await seriousAxeViolations(page), [], 'French');
    });
});

describe('hiring manager page in a French browser', function () {
  this.timeout(60_000);
  const french = useBrowser({ ...PHONE, locale: 'fr-FR' });
  let harness: GuestHarness;

  before(async () => {
    harness = await startGuestHarness();
  });
  after(async () => {
    await harness?.close();
  });

  it('starts in French, and switches to English on request', async () => {
    harness.links.set('tok-fr', { session: sampleSession(harness.clipUrl) });
    const page = await french.newPage();
    await page.goto(`${harness.url}/s/tok-fr`);
    await page.getByRole('heading', { name: 'Question 1 sur 2' }).waitFor();
    await page.getByRole('heading', { name: 'Ce qu’il faut observer' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer ma note' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.goto(`${harness.url}/s/gone`);
    await page.getByRole('heading', { name: 'Ce lien a expiré ou a été retiré' }).waitFor();
  });
});
