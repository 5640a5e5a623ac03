import assert from 'node:assert/strict';
import type { CandidatePrivacy } from '../../../server/contracts/data-rights.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { inviteCandidate } from './support.js';

describe('candidate recorder: consent from the welcome screen', function () {
  this.timeout(120_000);
  const e2e = serverAndBrowser();

  /** Ticks consent and continues; `failConsent` makes the server's consent answer 500. */
  async function consentAndContinue(url: string, failConsent = false) {
    const page = await e2e.browser.newPage();
    // A server error cannot be caused on demand here: the only fault that is faked.
    if (failConsent)
      await page.route('**/candidate/consent', (route) =>
        route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' }),
      );
    const consentPosts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/candidate/consent'))
        consentPosts.push(r.url());
    });
    await page.goto(url);
    await page.getByRole('checkbox', { name: /I agree to be recorded/ }).check();
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    return { page, consentPosts };
  }

  it('records the consent once when the candidate ticks it and goes on', async () => {
    const { candidate, url } = await inviteCandidate(e2e.server);
    const before = (await candidate.get<CandidatePrivacy>('/candidate/privacy')).body;
    assert.equal(before.consentedAt, null);
    const { page, consentPosts } = await consentAndContinue(url);
    await page.getByRole('button', { name: 'Everything works: continue' }).waitFor();
    let after = before;
    for (let i = 0; i < 50 && !after.consentedAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await candidate.get<CandidatePrivacy>('/candidate/privacy')).body;
    }
    assert.ok(after.consentedAt, 'the server keeps when the candidate consented');
    assert.equal(after.version, before.version);
    assert.equal(consentPosts.length, 1);

    // Coming back before answering shows the welcome again; the first consent stands.
    await page.reload();
    await page.getByRole('checkbox', { name: /I agree to be recorded/ }).check();
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    await page.getByRole('button', { name: 'Everything works: continue' }).waitFor();
    await page.waitForLoadState('networkidle');
    const again = (await candidate.get<CandidatePrivacy>('/candidate/privacy')).body;
    assert.equal(again.consentedAt, after.consentedAt);
    assert.equal(consentPosts.length, 1);
    await page.close();
  });

  it('lets the candidate go on when recording the consent fails', async () => {
    const { url } = await inviteCandidate(e2e.server);
    const { page } = await consentAndContinue(url, true);
    await page.getByRole('button', { name: 'Everything works: continue' }).waitFor();
    await page.close();
  });
});
