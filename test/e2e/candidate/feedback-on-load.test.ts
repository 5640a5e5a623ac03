import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { CLIP_MIME, clipChunks } from '../../api/support.js';
import { recordAnswer, waitForAnswer } from '../../helpers/api.js';
import { launchBrowser, type TestBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { buildBundle, inviteCandidate } from './support.js';

/**
 * Issue 21: the page asked for /candidate/feedback on every load of a finished interview, and the
 * 404 (not released yet) showed in the console. The session now says whether feedback exists.
 */
describe('candidate page: feedback only asked for once released, gone once erased', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: TestBrowser;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser(), buildBundle()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /**
   * Loads the page until it shows `shown` and every API request made by then has answered (the
   * page keeps a live connection open, so "network idle" never comes), and lists the 404s.
   */
  async function load(page: Page, url: string, shown: string): Promise<string[]> {
    const notFound: string[] = [];
    const pending = new Set<unknown>();
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/candidate/') && !r.url().includes('/events')) pending.add(r);
    });
    page.on('requestfailed', (r) => pending.delete(r));
    page.on('response', (r) => {
      if (r.status() === 404) notFound.push(r.url());
      pending.delete(r.request());
    });
    await page.goto(url);
    await page.locator(shown).first().waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    while (pending.size > 0) await new Promise((r) => setTimeout(r, 50));
    return notFound;
  }

  it('makes no request that answers 404, before and after the feedback is released', async () => {
    const { staff, interview, invitation, candidate, url } = await inviteCandidate(server);
    const page = await browser.newPage();
    assert.deepEqual(await load(page, url, 'welcome-step, [data-step]'), [], 'a fresh invitation');

    const answer = await recordAnswer(
      candidate,
      interview.questions[0]!.id,
      CLIP_MIME,
      await clipChunks(),
    );
    assert.equal((await waitForAnswer(candidate, answer.id)).status, 'ready');
    assert.equal((await candidate.post('/candidate/finish')).status, 200);
    const finished = await browser.newPage();
    assert.deepEqual(
      await load(finished, url, 'finished-step'),
      [],
      'finished, feedback not released',
    );
    // Issue 21: this installation has no mail server, so the page promises no email.
    await finished.getByText('No email will be sent. Keep this link', { exact: false }).waitFor();
    assert.equal(await finished.getByText('by email', { exact: false }).count(), 0);

    const saved = await staff.put(`/invitations/${invitation.id}/feedback`, {
      summary: 'Clear and well organised answers.',
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal((await staff.post(`/invitations/${invitation.id}/feedback/release`)).status, 200);
    const released = await browser.newPage();
    assert.deepEqual(await load(released, url, 'candidate-feedback'), [], 'feedback released');
    await released.getByText('Clear and well organised answers.').waitFor();

    // Issue 21: after erasing, nothing of the candidate's data stays on screen.
    await released.getByText('Your data', { exact: true }).click();
    await released.getByRole('button', { name: 'Erase my data…' }).click();
    await released.getByRole('button', { name: 'Erase everything' }).click();
    await released.getByText('Your data has been erased', { exact: false }).waitFor();
    assert.equal(await released.getByText('Clear and well organised answers.').count(), 0);
    assert.equal(await released.locator('candidate-feedback, interview-recorder').count(), 0);
  });
});
