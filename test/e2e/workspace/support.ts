/** Steps the workspace end-to-end tests share: signing in, waiting on the page. */

import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Api, recordAnswer, tokenOf, waitForAnswer } from '../../helpers/api.js';
import type { TestBrowser } from '../../helpers/browser.js';
import type { RecordedChunks } from '../../helpers/media-fixtures.js';
import { ADMIN } from '../../helpers/test-server.js';

/** The workspace's end-to-end window: a laptop screen. */
export const LAPTOP = { viewport: { width: 1280, height: 900 } };

/** The question the review suites ask, under the competency `client-focus` they define. */
export const CLIENT_QUESTION = {
  prompt: 'Tell us about a client you helped.',
  thinkSeconds: 30,
  maxSeconds: 60,
  retakes: 0,
  competency: 'client-focus',
};

/** A new tab whose uncaught errors are printed with the test's output. */
export async function tabShowingErrors(browser: TestBrowser): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  return page;
}

export async function signIn(page: Page, email = ADMIN.email, password = ADMIN.password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Marks the document; `assertNoReload` fails if the page was loaded again since. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
}

export async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(
    () => (window as unknown as { sameDocument?: boolean }).sameDocument === true,
  );
}

/**
 * True when nothing is wider than the viewport (no sideways scrolling on a phone). Measured
 * against the window's configured width: on a mobile-emulated page (`isMobile`) Chromium
 * widens the layout viewport to fit content that overflows, so `innerWidth` would grow with it
 * and hide the overflow (issue 21: the reviewer agreement page was 441 px wide at 360).
 */
export async function fitsViewport(page: Page): Promise<boolean> {
  const width = page.viewportSize()?.width ?? Number.POSITIVE_INFINITY;
  const used = await page.evaluate(() =>
    Math.max(document.documentElement.scrollWidth, window.innerWidth),
  );
  return used <= width;
}

/** The main player's video, inside two shadow roots. */
export const PLAYER_VIDEO = 'ws-answer-player video.main';

export interface VideoState {
  readyState: number;
  currentTime: number;
  paused: boolean;
}

/** Polls the player's video until `ok` holds (video state is not observable from outside). */
export async function waitForVideo(
  page: Page,
  ok: (state: VideoState) => boolean,
  timeoutMs = 30_000,
): Promise<VideoState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const video = page.locator(PLAYER_VIDEO);
    const state =
      (await video.count()) === 1
        ? await video.evaluate((v: HTMLVideoElement) => ({
            readyState: v.readyState,
            currentTime: v.currentTime,
            paused: v.paused,
          }))
        : null;
    if (state && ok(state)) return state;
    if (Date.now() > until) throw new Error(`video not as expected: ${JSON.stringify(state)}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Each invited candidate records one answer to the question (the same real recording), waits
 * until it is ready, and finishes: what a review in the browser starts from.
 */
export async function recordAndFinishAll(
  serverUrl: string,
  invitations: { url: string }[],
  questionId: string,
  media: RecordedChunks,
): Promise<void> {
  for (const invitation of invitations) {
    const candidate = new Api(serverUrl, tokenOf(invitation.url));
    const answer = await recordAnswer(candidate, questionId, media.mimeType, media.chunks);
    assert.equal((await waitForAnswer(candidate, answer.id, 120_000)).status, 'ready');
    assert.equal((await candidate.post('/candidate/finish')).status, 200);
  }
}

/** Opens the workspace already signed in as `who` (the session the sign-in page would store). */
export async function openSignedInAs(page: Page, serverUrl: string, who: Api): Promise<void> {
  const me = await who.get('/me');
  await page.goto(`${serverUrl}/`);
  await page.evaluate(
    ([token, user]) =>
      localStorage.setItem(
        'ws.session',
        JSON.stringify({ token, user, expiresAt: Date.now() + 3_600_000 }),
      ),
    [who.token, me.body] as const,
  );
  await page.reload();
}
