/**
 * Issue 21 item 5 in the browser: a recruiter runs a two-city programme city by city — invites
 * to a city, sees each city's deadline, filters results by city, and decides and releases
 * feedback for a whole city at once, seeing each person's outcome (keyboard, phone, EN and FR).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { programmeSettings } from '../../api/programmes-support.js';
import { ONE_QUESTION, seedReadyAnswer } from '../../fairness/support.js';
import { type Api, createInterview } from '../../helpers/api.js';
import { launchBrowser, PHONE, seriousAxeViolations } from '../../helpers/browser.js';
import { useTestServer } from '../../helpers/server-suite.js';
import type { TestServer } from '../../helpers/test-server.js';
import { fitsViewport, LAPTOP, openSignedInAs } from './support.js';

/** Where screenshots go for a person to look at (outside the repository), when set. */
const SCREENS = process.env.SCREENS_DIR ?? '';

describe('workspace: a multi-city programme run city by city (filter, bulk decision and feedback release)', function () {
  this.timeout(300_000);
  let server: TestServer;
  let admin: Api;
  useTestServer({}, (started) => ({ server, admin } = started));

  /** Two cities, three candidates finished (two in Paris, one in Lille); one has feedback saved. */
  async function programme(title: string) {
    const settings = programmeSettings(new Date());
    settings.locations = settings.locations.filter((l) => l.key !== 'lyon');
    const interview = await createInterview(admin, {
      title,
      public: settings,
      questions: ONE_QUESTION,
    });
    const tag = Math.random().toString(36).slice(2);
    const invited = await admin.post(`/interviews/${interview.id}/invitations`, {
      candidates: [
        { name: 'Alice Paris', email: `alice-${tag}@example.test`, locationKey: 'paris' },
        { name: 'Bruno Paris', email: `bruno-${tag}@example.test`, locationKey: 'paris' },
        { name: 'Chloé Lille', email: `chloe-${tag}@example.test`, locationKey: 'lille' },
      ],
    });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    const items = invited.body.items as any[];
    for (const inv of items)
      await seedReadyAnswer(server.deps.db, inv.id, interview.questions[0]!.id);
    const saved = await admin.put(`/invitations/${items[0].id}/feedback`, {
      summary: 'You gave clear, concrete examples.',
      competencies: [],
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    return { interview, items };
  }

  const signIn = (page: Page) => openSignedInAs(page, server.url, admin);

  const cases = [
    { name: 'laptop, English', options: LAPTOP, fr: false },
    { name: 'phone 360 px, French', options: PHONE, fr: true },
  ];
  for (const c of cases) {
    it(`${c.name}: filters results by city, then decides and releases feedback for that city`, async () => {
      const { interview, items } = await programme(`Client advisor (${c.name})`);
      const browser = await launchBrowser({
        ...c.options,
        locale: c.fr ? 'fr-FR' : 'en-GB',
      });
      try {
        const page = await browser.newPage();
        page.on('pageerror', (err) => console.error('page error:', err.message));
        await signIn(page);

        // Each city's deadline, not "No deadline".
        await page.goto(`${server.url}/#/interviews/${interview.id}`);
        await page.getByRole('heading', { name: interview.title, level: 1 }).waitFor();
        const deadlines = page.getByText(c.fr ? 'Dates limites' : 'Deadlines', { exact: false });
        await deadlines.first().waitFor();
        assert.match((await deadlines.first().textContent()) ?? '', /Paris.*Lille/);

        await page.goto(`${server.url}/#/interviews/${interview.id}/results`);
        const cards = page.locator('ws-results-page li[data-invitation]');
        await cards.first().waitFor();
        assert.equal(await cards.count(), 3);
        await page.getByLabel(c.fr ? 'Ville' : 'City', { exact: true }).selectOption('paris');
        await cards.nth(2).waitFor({ state: 'detached' });
        assert.equal(await cards.count(), 2, 'only the Paris candidates are shown');
        assert.deepEqual((await cards.locator('h2').allTextContents()).sort(), [
          'Alice Paris',
          'Bruno Paris',
        ]);
        // A result leads to the candidate's answers and the reviewers' notes.
        const toAnswers = page.getByRole('link', {
          name: c.fr
            ? 'Réponses et notes des évaluateurs pour Alice Paris'
            : 'Answers and reviewers’ notes for Alice Paris',
          exact: false,
        });
        assert.equal(await toAnswers.getAttribute('href'), `#/review/${items[0].id}`);

        // Keyboard: select everyone shown with the space bar.
        const selectAll = page.getByLabel(
          c.fr ? 'Sélectionner toutes les personnes affichées' : 'Select everyone shown',
        );
        await selectAll.focus();
        await page.keyboard.press('Space');
        assert.ok(await selectAll.isChecked());
        await page.getByLabel(c.fr ? 'Décision' : 'Decision', { exact: true }).selectOption('hold');
        await page
          .getByRole('button', {
            name: c.fr ? 'Enregistrer la décision pour 2' : 'Save decision for 2',
          })
          .click();
        await page
          .getByText(c.fr ? 'Décision enregistrée pour 2 sur 2.' : 'Decision saved for 2 of 2.')
          .waitFor();

        await page
          .getByRole('button', {
            name: c.fr ? 'Publier le retour enregistré pour 2' : 'Release saved feedback to 2',
          })
          .click();
        // Releasing cannot be undone: it asks first, saying how it goes out.
        const ask = page.getByRole('dialog');
        await ask
          .getByText(
            c.fr
              ? 'Chaque personne le lit dans la langue de son invitation.'
              : 'Each candidate reads it in the language of their invitation.',
          )
          .waitFor();
        await ask.getByRole('button', { name: c.fr ? 'Publier' : 'Release', exact: true }).click();
        await page
          .getByText(c.fr ? 'Retour publié pour 1 sur 2.' : 'Feedback released for 1 of 2.')
          .waitFor();
        await page
          .getByText(
            c.fr
              ? 'Bruno Paris : non fait — aucun retour enregistré pour l’instant'
              : 'Bruno Paris: not done — no feedback saved yet',
          )
          .waitFor();
        assert.ok(await fitsViewport(page), 'nothing wider than the screen');
        assert.deepEqual(await seriousAxeViolations(page), []);
        if (SCREENS) {
          await page.screenshot({
            path: `${SCREENS}/results-by-city-${c.fr ? 'fr-360' : 'en-1280'}.png`,
            fullPage: true,
          });
        }

        const results = (await admin.get(`/interviews/${interview.id}/results`)).body.items;
        const outcome = new Map(results.map((r: any) => [r.invitationId, r.decision?.outcome]));
        assert.deepEqual(
          items.map((i) => outcome.get(i.id) ?? null),
          ['hold', 'hold', null],
          'Lille was left alone',
        );
      } finally {
        await browser.close();
      }
    });
  }

  it('a finished candidate given a new link reads their feedback and their data there', async () => {
    const { items } = await programme('Boutique advisor');
    assert.equal((await admin.post(`/invitations/${items[0].id}/feedback/release`)).status, 200);
    const renewed = await admin.post(`/invitations/${items[0].id}/link`);
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    const browser = await launchBrowser(PHONE);
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().includes('/candidate/self-id')) failed.push(r.url());
      });
      await page.goto(renewed.body.url);
      await page.getByText('You gave clear, concrete examples.').waitFor();
      await page.getByText('Your data', { exact: true }).click();
      await page.getByRole('heading', { name: 'How your data is used' }).waitFor();
      assert.deepEqual(failed, [], 'nothing the page asks for is refused');
      assert.ok(await fitsViewport(page));
    } finally {
      await browser.close();
    }
  });

  it('invites a candidate to a chosen city from the interview page', async () => {
    const { interview } = await programme('Store manager');
    const browser = await launchBrowser(LAPTOP);
    try {
      const page = await browser.newPage();
      await signIn(page);
      await page.goto(`${server.url}/#/interviews/${interview.id}`);
      await page.getByLabel('City of the candidates you invite here').selectOption('lille');
      await page.getByLabel('Name', { exact: true }).fill('Dana Lille');
      await page.getByLabel('Email', { exact: true }).fill(`dana-${Date.now()}@example.test`);
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      await page.getByText('1 candidate(s) invited', { exact: false }).waitFor();
      const listed = (await admin.get(`/interviews/${interview.id}/invitations`)).body.items;
      const dana = listed.find((i: any) => i.candidate.name === 'Dana Lille');
      assert.deepEqual(dana?.location, { key: 'lille', name: 'Lille' });
    } finally {
      await browser.close();
    }
  });
});
