import assert from 'node:assert/strict';
import { createProgramme } from '../../api/programmes-support.js';
import { login } from '../../helpers/api.js';
import { launchBrowser, PHONE, type TestBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { buildBundle } from '../candidate/support.js';

/**
 * Issue 21: without a mail server the page said the link was the only way back, but showed only a
 * button: the link must be visible as text, with a button that copies it.
 */
describe('apply page without email: the link to keep is shown and can be copied', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: TestBrowser;

  before(async () => {
    [server, browser] = await Promise.all([
      startTestServer(),
      launchBrowser({ ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] }),
      buildBundle(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the interview link as text and copies it', async () => {
    const admin = await login(server.url);
    const { slug } = await createProgramme(admin, new Date());
    const page = await browser.newPage();
    await page.goto(`${server.url}/apply/${slug}`);
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
