/**
 * Issue 21, item 4: review follows the interview's settings. A question-by-question interview
 * opens question by question; both views show the competency, what to look for and the anchored
 * scale; revealed scores keep the page's width (laptop and phone); the queue never says
 * "0 ratings" while colleagues' ratings are sealed; the last rating ends on a "done" with a way on.
 * Screenshots of the review page are saved when REVIEW_SHOTS names a path prefix.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { type Api, createStaffUser, login } from '../../helpers/api.js';
import { assertAccessible, launchBrowser, PHONE, type TestBrowser } from '../../helpers/browser.js';
import { safariLikeMp4Chunks } from '../../helpers/media-fixtures.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { CLIENT_QUESTION, recordAndFinishAll, signIn, tabShowingErrors } from './support.js';

const LAPTOP_800 = { viewport: { width: 1280, height: 800 } };
const COMPETENCY = 'Client focus';
const GUIDANCE = 'Listen for the need behind the request.';
const ANCHOR_5 = 'A specific example, their own actions, the result and what they learned.';
const PASSWORD = 'a long reviewer password';
const RITA = { email: 'rita@example.test', password: PASSWORD, name: 'Rita Reviewer' };
const PAUL = { email: 'paul@example.test', password: PASSWORD, name: 'Paul Relecteur' };
const COLIN = { email: 'colin@example.test', password: PASSWORD, name: 'Colin Colleague' };

/** Saves a PNG of the page when REVIEW_SHOTS is set (e.g. /work/notes/shots/review-after). */
async function shot(page: Page, name: string): Promise<void> {
  const prefix = process.env.REVIEW_SHOTS;
  if (prefix) await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: true });
}

/** Chooses a score as a person does: a click on its number. */
async function choose(page: Page, score: number): Promise<void> {
  await page
    .locator('ws-rating-form span.number')
    .filter({ hasText: new RegExp(`^${score}$`) })
    .click();
}

/** Width in CSS pixels of the first element matching `selector` (shadow roots pierced). */
async function widthOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  assert.ok(box, `${selector} is on the page`);
  return box.width;
}

/**
 * The note that everything is rated shows in the status region, passes axe (with a screenshot),
 * and its link is the way back to the interview's page.
 */
async function leaveByDoneNote(
  page: Page,
  done: { note: string; link: string; shotName: string; where: string },
): Promise<void> {
  const status = page.getByRole('status').filter({ hasText: done.note });
  await status.waitFor();
  await shot(page, done.shotName);
  await assertAccessible(page, done.where);
  await status.getByRole('link', { name: done.link }).click();
  await page.getByRole('heading', { name: 'Boutique advisor', level: 1 }).waitFor();
}

describe('workspace end to end: review follows its settings (issue 21, item 4)', function () {
  this.timeout(300_000);
  const e2e = serverAndBrowser({ browser: LAPTOP_800 });
  let phone: TestBrowser;
  let admin: Api;
  let interviewId: string;
  let questionId: string;

  before(async () => {
    const media = await safariLikeMp4Chunks(3);
    admin = await login(e2e.server.url);
    const created = await admin.post<any>('/interviews', {
      title: 'Boutique advisor',
      intro: '',
      competencies: [{ key: 'client-focus', name: COMPETENCY }],
      questions: [
        {
          ...CLIENT_QUESTION,
          guidance: GUIDANCE,
          anchors: { '1': 'No real example.', '5': ANCHOR_5 },
        },
      ],
      review: { order: 'by-question', ratingsRequired: 2 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    interviewId = created.body.id;
    questionId = created.body.questions[0].id;
    const members = [];
    for (const person of [RITA, PAUL, COLIN]) {
      const user = await createStaffUser(admin, { ...person, role: 'reviewer' });
      members.push({ userId: user.body.id, role: 'reviewer' });
    }
    assert.equal(
      (await admin.put(`/interviews/${interviewId}/members`, { items: members })).status,
      200,
    );
    const invited = await admin.post<any>(`/interviews/${interviewId}/invitations`, {
      candidates: [
        { name: 'Ada Lovelace', email: 'ada@example.test' },
        { name: 'Grace Hopper', email: 'grace@example.test' },
      ],
    });
    await recordAndFinishAll(e2e.server.url, invited.body.items, questionId, media);
    // A colleague has rated both answers: sealed until Rita and Paul rate them.
    const colin = await login(e2e.server.url, COLIN.email, COLIN.password);
    const queue = await colin.get<any>(`/review/queue?interviewId=${interviewId}`);
    for (const item of queue.body.items) {
      const rated = await colin.put(`/answers/${item.answers[0].id}/ratings/me`, {
        score: 4,
        comment: 'Clear example.',
      });
      assert.equal(rated.status, 200, JSON.stringify(rated.body));
    }
  });

  describe('a reviewer on a laptop, in English', () => {
    let page: Page;
    before(async () => {
      page = await tabShowingErrors(e2e.browser);
      await page.goto(`${e2e.server.url}/#/interviews`);
      await signIn(page, RITA.email, RITA.password);
    });

    it('"Review answers" opens question by question, as the interview is set; candidate by candidate is one link away', async () => {
      await page.getByRole('link', { name: 'Review answers to Boutique advisor' }).click();
      await page.getByRole('heading', { name: 'Review by question', level: 1 }).waitFor();
      assert.match(new URL(page.url()).hash, new RegExp(`^#/by-question/${interviewId}`));
      await page.goto(`${e2e.server.url}/#/interviews/${interviewId}`);
      await page.getByRole('heading', { name: 'Boutique advisor', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Review answers', exact: true }).click();
      await page.getByRole('heading', { name: 'Review by question', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Review candidate by candidate' }).click();
      await page.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
    });

    it('the queue says colleagues’ ratings are sealed, not "0 ratings"', async () => {
      await page.goto(`${e2e.server.url}/#/review?interview=${interviewId}`);
      const cards = page.locator('li.card');
      await cards.first().waitFor();
      assert.equal(await cards.count(), 2);
      for (const card of await cards.all()) {
        const text = (await card.textContent()) ?? '';
        assert.doesNotMatch(text, /0 rating/, text);
        assert.match(text, /Colleagues’ ratings stay hidden until you rate/, text);
        // Sealed means no count either: nothing says how many colleagues rated.
        assert.doesNotMatch(text, /[1-9] rating/, text);
      }
      await assertAccessible(page, 'the queue');
    });

    it('question by question shows the competency, what to look for and the scale; revealed scores keep the width; the last rating says done and where next', async () => {
      await page.goto(`${e2e.server.url}/#/by-question/${interviewId}/${questionId}`);
      await page.getByRole('heading', { name: 'Question 1 of 1' }).waitFor();
      await page.getByText(GUIDANCE).waitFor();
      await page.getByText(COMPETENCY).waitFor();
      await page.getByText(ANCHOR_5).waitFor();
      await shot(page, 'laptop-by-question');
      for (const answer of [1, 2]) {
        await page
          .locator('p.who')
          .getByText(new RegExp(`^Answer ${answer} of 2: Candidate \\d+$`))
          .waitFor();
        await choose(page, 3);
        await page.getByRole('status').getByText('Saved', { exact: true }).waitFor();
        await page.getByRole('heading', { name: 'Scores side by side' }).waitFor();
        if (answer === 1) {
          await shot(page, 'laptop-by-question-revealed');
          const stage = await widthOf(page, '.stage');
          assert.ok(stage > 900, `the stage uses the laptop's width (${stage} px)`);
          assert.ok((await widthOf(page, '.player')) >= stage * 0.5, 'the answer gets half');
          assert.ok((await widthOf(page, 'ws-rating-form')) >= 320, 'the form is not squeezed');
          assert.ok((await widthOf(page, 'ws-colleague-scores')) >= 320, 'nor are the scores');
          await page.getByRole('button', { name: 'Next answer' }).click();
        }
      }
      await leaveByDoneNote(page, {
        note: 'You have rated every answer in this interview.',
        link: 'Back to the interview',
        shotName: 'laptop-by-question-done',
        where: 'the by-question done note, scores revealed',
      });
    });
  });

  describe('an organiser, once the ratings required are in', () => {
    it('the queue counts the ratings unsealed for them, and says any others stay hidden', async () => {
      const page = await tabShowingErrors(e2e.browser);
      await page.goto(`${e2e.server.url}/#/review?interview=${interviewId}`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page);
      await page.goto(`${e2e.server.url}/#/review?interview=${interviewId}`);
      const cards = page.locator('li.card');
      await cards.first().waitFor();
      for (const card of await cards.all())
        await card
          .getByText('2 rating(s) you can see; any others stay hidden until you rate')
          .waitFor();
      await page.close();
    });
  });

  describe('a reviewer on a phone, in French, candidate by candidate', () => {
    let page: Page;
    before(async () => {
      phone = await launchBrowser(PHONE);
      page = await phone.newPage();
      page.on('pageerror', (err) => console.error('page error:', err.message));
      await page.goto(`${e2e.server.url}/?lang=fr#/review?interview=${interviewId}`);
      await page.getByLabel('Courriel').fill(PAUL.email);
      await page.getByLabel('Mot de passe').fill(PAUL.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'File de revue', level: 1 }).waitFor();
    });

    // Closed before the server stops: its open connections would keep the server waiting.
    after(async () => {
      await phone?.close();
    });

    it('the queue says in French that the ratings are sealed', async () => {
      const card = page.locator('li.card').first();
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      assert.doesNotMatch(text, /0 note/, text);
      assert.match(text, /Notes des collègues masquées jusqu’à votre note/, text);
    });

    it('each candidate shows the competency, what to look for and the scale; scores revealed use the phone’s width; the last one says done and where next', async () => {
      await page.locator('li.card h2 a').first().click();
      await page.getByRole('heading', { name: 'Question 1 sur 1' }).waitFor();
      await shot(page, 'phone-candidate');
      await choose(page, 2);
      await page.getByRole('status').getByText('Enregistré', { exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Les notes côte à côte' }).waitFor();
      await shot(page, 'phone-candidate-revealed');
      await page.getByText(GUIDANCE).waitFor();
      await page.getByText('Ce qu’il faut observer').waitFor();
      await page.getByText(COMPETENCY).first().waitFor();
      await page.getByText(ANCHOR_5).waitFor();
      for (const part of ['.player', 'ws-rating-form', 'ws-colleague-scores']) {
        const width = await widthOf(page, part);
        assert.ok(width >= 300, `${part} is ${width} px wide on a 360-px phone`);
      }
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        'no sideways scrolling',
      );
      // One candidate rated, one still waiting: the done says so and leads to the next one.
      const first = page.getByRole('status').filter({
        hasText: 'Vous avez noté toutes les réponses de ce candidat.',
      });
      await first.waitFor();
      await first.getByRole('button', { name: 'Candidat suivant' }).click();
      await page.getByRole('heading', { name: 'Question 1 sur 1' }).waitFor();
      await page.getByText('0 sur 1 notées').waitFor();
      await choose(page, 5);
      await leaveByDoneNote(page, {
        note: 'Vous avez noté tous les candidats de cet entretien.',
        link: 'Retour à l’entretien',
        shotName: 'phone-candidate-done',
        where: 'the candidate done note on a phone, in French',
      });
    });
  });
});
