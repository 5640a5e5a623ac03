/**
 * Issue 21 (item 8) in the browser: a staff member's first sign-in with the temporary password
 * an admin gave them shows nothing but "choose your own password"; then the workspace. The
 * language they choose stays chosen, without `?lang=` in the address. Every control of a
 * screen answers to its own name, so that a screen reader's list of controls or a voice
 * command ("click Remove question 1") picks one thing: the interview editor had two
 * "Remove question 1" (an interview question and an eligibility one).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createProgramme } from '../../api/programmes-support.js';
import { staffUser } from '../../api/support.js';
import { addUser, inviteOne, login } from '../../helpers/api.js';
import { duplicateControlNames, seriousAxeViolations } from '../../helpers/browser.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { fitsViewport, LAPTOP, openSignedInAs, signIn, tabShowingErrors } from './support.js';

/** Where screenshots go for a person to look at (outside the repository), when set. */
const SCREENS = process.env.SCREENS_DIR ?? '';

describe('workspace: a staff member’s account, language, and controls named apart', function () {
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

  describe('no two controls of a screen share an accessible name', () => {
    let interviewId: string;
    before(async () => {
      const admin = await login(e2e.server.url);
      await staffUser(admin, 'reviewer', 'Ann');
      interviewId = (await createProgramme(admin, new Date())).interview.id;
      await inviteOne(admin, interviewId);
    });
    beforeEach(async () => {
      await openSignedInAs(page, e2e.server.url, await login(e2e.server.url));
    });

    /** Opens a screen, waits for what shows it has loaded, and lists its shared names. */
    async function sharedNames(hash: string, loaded: (page: Page) => Promise<void>) {
      await page.goto(`${e2e.server.url}/${hash}`);
      await loaded(page);
      return duplicateControlNames(page);
    }

    it('the interview editor, with its questions and the public application settings', async () => {
      const shared = await sharedNames(`#/interviews/${interviewId}/edit`, (p) =>
        p.getByLabel('Link address').waitFor(),
      );
      assert.deepEqual(shared, []);
    });

    it('the other screens an admin uses', async () => {
      const screens: [string, (p: Page) => Promise<void>][] = [
        ['#/interviews', (p) => p.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor()],
        [
          `#/interviews/${interviewId}`,
          (p) => p.getByRole('heading', { name: 'Candidates', level: 2 }).waitFor(),
        ],
        ['#/users', (p) => p.getByRole('heading', { name: 'Add a user' }).waitFor()],
        ['#/review', (p) => p.getByRole('heading', { name: 'Review queue' }).waitFor()],
        ['#/audit', (p) => p.getByRole('heading', { name: 'Audit trail' }).waitFor()],
        [
          '#/integrations',
          (p) => p.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor(),
        ],
      ];
      const found: Record<string, string[]> = {};
      for (const [hash, loaded] of screens) {
        const shared = await sharedNames(hash, loaded);
        if (shared.length) found[hash] = shared;
      }
      assert.deepEqual(found, {});
    });
  });
});
