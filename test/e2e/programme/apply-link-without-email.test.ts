import assert from 'node:assert/strict';
import { createProgramme } from '../../api/programmes-support.js';
import { login } from '../../helpers/api.js';
import { PHONE } from '../../helpers/browser.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';

/**
 * Issue 21: without a mail server the page said the link was the only way back, but showed only a
 * button: the link must be visible as text, with a button that copies it.
 */
describe('apply page without email: the link to keep is shown and can be copied', function () {
  this.timeout(120_000);
  const e2e = serverAndBrowser({
    browser: { ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] },
  });

  it('shows the interview link as text and copies it', async () => {
    const admin = await login(e2e.server.url);
    const { slug } = await createProgramme(admin, new Date());
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.server.url}/apply/${slug}`);
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Your email address').fill('ada@example.test');
    await page.getByRole('radio', { name: /Paris/ }).check();
    for (const yes of await page.getByRole('radio', { name: 'Yes' }).all()) await yes.check();
    await page.getByRole('checkbox', { name: /I have read this notice/ }).check();
    await page.getByRole('button', { name: 'Apply now' }).click();

    const start = page.getByRole('link', { name: 'Start my interview' });
    const href = await start.getAttribute('href');
    assert.match(href ?? '', /\/i\/[^/]+$/);
    await page.getByText(href!, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await page.getByText('Link copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), href);
  });
});
