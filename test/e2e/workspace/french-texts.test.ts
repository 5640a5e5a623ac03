import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createProgramme } from '../../api/programmes-support.js';
import { type Api, invite, login } from '../../helpers/api.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { openAtFirstQuestion } from '../candidate/support.js';
import { LAPTOP, openSignedInAs, tabShowingErrors } from './support.js';

const ENGLISH = 'Why does this role interest you?';
const FRENCH = 'Pourquoi ce poste vous intéresse-t-il ?';

/**
 * Issue 21 item 2: an organiser writes a question in English and, beside it, in French; a
 * candidate reading in French meets the French question in the recorder, one in English the
 * English one.
 */
describe('workspace to recorder: a question written in English and French', function () {
  this.timeout(180_000);
  const e2e = serverAndBrowser({ browser: LAPTOP });
  let admin: Api;
  let interviewId: string;

  before(async () => {
    admin = await login(e2e.server.url);
  });

  /** The question is hidden until the candidate asks for it (then the thinking time runs). */
  async function questionShown(
    page: Page,
    prompt: string,
    other: string,
    { revealed = false } = {},
  ): Promise<void> {
    if (!revealed)
      await page
        .getByRole('button', { name: /^(Show the question|Afficher la question)$/ })
        .click();
    await page.getByText(prompt).waitFor();
    assert.equal(await page.getByText(other).count(), 0, `"${other}" is not shown`);
    await page.close();
  }

  it('the organiser writes the French question in its "French version" beside the English', async () => {
    const page = await tabShowingErrors(e2e.browser);
    await openSignedInAs(page, e2e.server.url, admin);
    await page.getByRole('link', { name: 'New interview' }).click();
    await page.getByLabel('Title').fill('Support engineer');
    await page.getByLabel('Question asked').fill(ENGLISH);
    const question = page.locator('li.question');
    assert.equal(await question.getByLabel('Question 1 in French').isVisible(), false, 'closed');
    await question.getByText('French version').click();
    await question.getByLabel('Question 1 in French').fill(FRENCH);
    await page.getByRole('button', { name: 'Save interview' }).click();
    await page.getByRole('heading', { name: 'Support engineer', level: 1 }).waitFor();
    interviewId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
    const saved = (await admin.get(`/interviews/${interviewId}`)).body;
    assert.equal(saved.questions[0].prompt, ENGLISH);
    assert.deepEqual(saved.questions[0].translations, { fr: { prompt: FRENCH } });
    await page.close();
  });

  it('a candidate invited in French meets the French question; one in English, the English', async () => {
    const [french] = await invite(admin, interviewId, 1, { language: 'fr' });
    const [english] = await invite(admin, interviewId, 1, { language: 'en' });
    await questionShown(
      await openAtFirstQuestion(e2e.browser, french!.invitation.url!, 'fr'),
      FRENCH,
      ENGLISH,
    );
    await questionShown(
      await openAtFirstQuestion(e2e.browser, english!.invitation.url!),
      ENGLISH,
      FRENCH,
    );
  });

  it('a page asked for in French (?lang=fr) shows the French question whatever the invitation says', async () => {
    const [english] = await invite(admin, interviewId, 1, { language: 'en' });
    const url = `${english!.invitation.url!}?lang=fr`;
    await questionShown(await openAtFirstQuestion(e2e.browser, url, 'fr'), FRENCH, ENGLISH);
  });

  it('a candidate who switches language in the middle of a question reads it in the new one', async () => {
    const [french] = await invite(admin, interviewId, 1, { language: 'fr' });
    const page = await openAtFirstQuestion(e2e.browser, french!.invitation.url!, 'fr');
    await page.getByRole('button', { name: 'Afficher la question' }).click();
    await page.getByText(FRENCH).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await questionShown(page, ENGLISH, FRENCH, { revealed: true });
  });

  it('the apply page asks its eligibility questions in the language it is read in', async () => {
    const { slug } = await createProgramme(admin, new Date(), {
      eligibility: [
        {
          key: 'right-to-work',
          prompt: 'Do you have the right to work in France?',
          requiredAnswer: true,
          translations: { fr: { prompt: 'Avez-vous le droit de travailler en France ?' } },
        },
      ],
    });
    const page = await tabShowingErrors(e2e.browser);
    await page.goto(`${e2e.server.url}/apply/${slug}?lang=fr`);
    await page.getByText('Avez-vous le droit de travailler en France ?').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Do you have the right to work in France?').waitFor();
    await page.close();
  });
});
