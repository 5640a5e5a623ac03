/**
 * Issue 21 (item 8) in the browser: a staff member's first sign-in with the temporary password
 * an admin gave them shows nothing but "choose your own password"; then the workspace. The
 * language they choose stays chosen, without `?lang=` in the address.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { addUser, login } from '../../helpers/api.js';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { fitsViewport, LAPTOP, openSignedInAs, signIn, tabShowingErrors } from './support.js';

/** Where screenshots go for a person to look at (outside the repository), when set. */
const SCREENS = process.env.SCREENS_DIR ?? '';

describe('workspace: a staff member’s own account (first sign-in)', function () {
  this.timeout(120_000);
  const e2e = serverAndBrowser({ browser: LAPTOP });
  let page: Page;

  beforeEach(async () => {
    page = await tabShowingErrors(e2e.browser);
  });
  afterEach(async () => {
    // One browser profile for the suite: each test starts signed out, in the browser's language.
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  for (const width of [1280, 360]) {
    it(`asks a new user to replace the admin's temporary password before anything else (${width} px)`, async () => {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      const admin = await login(e2e.server.url);
      const email = `new-${width}@example.test`;
      const temporary = 'given by the admin 42';
      await addUser(admin, { email, name: 'Nina New', password: temporary, role: 'recruiter' });

      await page.goto(`${e2e.server.url}/`);
      await signIn(page, email, temporary);
      await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
      assert.ok(await fitsViewport(page), 'fits the screen');
      assert.deepEqual(await seriousAxeViolations(page), []);
      if (SCREENS) await page.screenshot({ path: `${SCREENS}/first-sign-in-${width}.png` });

      await page.getByLabel('Temporary password').fill(temporary);
      await page.getByLabel('New password (10+ characters)').fill('amber kettle orchard 17');
      await page.getByLabel('New password again').fill('amber kettle orchard 17');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
      await page.reload();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      assert.equal(
        await page.getByRole('heading', { name: 'Choose your own password' }).count(),
        0,
      );
    });
  }

  it('remembers the language a staff member chooses, across navigation and reloads', async () => {
    await openSignedInAs(page, e2e.server.url, await login(e2e.server.url));
    const language = page.getByRole('combobox', { name: 'Language' });
    await language.selectOption('fr');
    await page.getByRole('link', { name: 'Entretiens' }).waitFor();
    // A plain address (a bookmark, a new tab, a link from an email): still French.
    await page.goto(`${e2e.server.url}/#/review`);
    await page.getByRole('link', { name: 'Entretiens' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await page.reload();
    await page.getByRole('link', { name: 'Entretiens' }).click();
    await page.getByRole('heading', { name: 'Entretiens', level: 1 }).waitFor();
    // Switched back: English stays.
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole('link', { name: 'Interviews' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // An address that names a language still wins, for that page.
    await page.goto(`${e2e.server.url}/?lang=fr`);
    await page.getByRole('link', { name: 'Entretiens' }).waitFor();
  });
});
