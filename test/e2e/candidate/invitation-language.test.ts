import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Invitation } from '../../../server/contracts/api.js';
import { recordClip, releaseFeedback } from '../../api/support.js';
import { Api, createInterview, login, tokenOf } from '../../helpers/api.js';
import { PHONE } from '../../helpers/browser.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { asked } from './support.js';

/**
 * Issue 21, item 2: she applied in French, her phone is set to English. The invitation's
 * language decides every page she opens from her link (interview, feedback, its printout)
 * until she switches herself.
 */
describe('candidate: the invitation’s language wins over the device’s', function () {
  this.timeout(120_000);
  const e2e = serverAndBrowser({ browser: { ...PHONE, locale: 'en-GB' } });

  async function invitedInFrench(staff: Api): Promise<{ invitation: Invitation; candidate: Api }> {
    const interview = await createInterview(staff, { questions: [asked('Pourquoi nous ?')] });
    const res = await staff.post<{ items: Invitation[] }>(
      `/interviews/${interview.id}/invitations`,
      { candidates: [{ name: 'Amélie Durand', email: 'amelie@example.test', language: 'fr' }] },
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const invitation = res.body.items[0]!;
    return { invitation, candidate: new Api(staff.baseUrl, tokenOf(invitation.url!)) };
  }

  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  it('opens her interview in French, and keeps her own switch to English across a reload', async () => {
    const staff = await login(e2e.server.url);
    const { invitation } = await invitedInFrench(staff);
    const page = await e2e.browser.newPage();
    await page.goto(invitation.url!);
    await page.getByRole('heading', { name: 'Bonjour Amélie Durand' }).waitFor();
    assert.equal(await htmlLang(page), 'fr', 'screen readers are told the page is French');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Hello Amélie Durand' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Hello Amélie Durand' }).waitFor();
    assert.equal(await htmlLang(page), 'en');
    await page.close();
  });

  it('shows her released feedback in French from the same link', async () => {
    const staff = await login(e2e.server.url);
    const { invitation, candidate } = await invitedInFrench(staff);
    const session = await candidate.get<{ interview: { questions: { id: string }[] } }>(
      '/candidate/session',
    );
    await recordClip(candidate, session.body.interview.questions[0]!.id);
    const finished = await candidate.post('/candidate/finish');
    assert.equal(finished.status, 200, JSON.stringify(finished.body));
    await releaseFeedback(staff, invitation.id, 'Une réponse claire.');

    const page = await e2e.browser.newPage();
    await page.goto(invitation.url!);
    await page.getByRole('heading', { name: 'Votre retour' }).waitFor();
    await page.getByText('Une réponse claire.').waitFor();
    assert.equal(await htmlLang(page), 'fr');
    await page.close();
  });
});
