import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { type Api, createStaffUser, login } from '../../helpers/api.js';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { type RecordedChunks, safariLikeMp4Chunks } from '../../helpers/media-fixtures.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import {
  CLIENT_QUESTION,
  LAPTOP,
  PLAYER_VIDEO,
  recordAndFinishAll,
  signIn,
  tabShowingErrors,
  waitForVideo,
} from './support.js';

const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson', 'Margaret Hamilton'];
const ANCHORS = {
  '1': 'No real example; talks in general terms.',
  '3': 'A real example, vague about their own part.',
  '5': 'A specific example, their own actions, the result and what they learned.',
};
const REVIEWER = {
  email: 'rita@example.test',
  password: 'a long reviewer password',
  name: 'Rita Reviewer',
};

describe('workspace end to end: blind, audio-first review question by question, by keyboard; a recruiter decides', function () {
  this.timeout(300_000);
  const e2e = serverAndBrowser({ browser: LAPTOP });
  let page: Page;
  let admin: Api;
  let media: RecordedChunks;
  let interviewId: string;
  let questionId: string;
  const axe: Record<string, unknown[]> = {};

  before(async () => {
    media = await safariLikeMp4Chunks(3);
    admin = await login(e2e.server.url);
    const created = await admin.post<any>('/interviews', {
      title: 'Client advisor',
      intro: '',
      competencies: [{ key: 'client-focus', name: 'Client focus' }],
      questions: [
        {
          ...CLIENT_QUESTION,
          guidance: 'Listen for the need behind the request.',
          anchors: ANCHORS,
        },
      ],
      review: { order: 'by-question', blind: true, hideVideoUntilRated: true, ratingsRequired: 1 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    interviewId = created.body.id;
    questionId = created.body.questions[0].id;
    const reviewer = await createStaffUser(admin, { ...REVIEWER, role: 'reviewer' });
    // Teams: the reviewer reviews this interview as a member of it.
    const joined = await admin.put(`/interviews/${interviewId}/members`, {
      items: [{ userId: reviewer.body.id, role: 'reviewer' }],
    });
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    const invited = await admin.post<any>(`/interviews/${interviewId}/invitations`, {
      candidates: NAMES.map((name, i) => ({ name, email: `person${i}@example.test` })),
    });
    await recordAndFinishAll(e2e.server.url, invited.body.items, questionId, media);
    page = await tabShowingErrors(e2e.browser);
  });

  async function assertNoName(where: string) {
    // Every text node on the page, inside shadow roots too, and the title.
    // A string, not a function: the test runner's transpiler would add helpers the page lacks.
    const text = await page.evaluate<string>(`(() => {
      const parts = [document.title];
      const stack = [document.body];
      while (stack.length) {
        const walker = document.createTreeWalker(stack.pop(), NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.currentNode; node; node = walker.nextNode()) {
          if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
          if (node.shadowRoot) stack.push(node.shadowRoot);
          for (const attr of ['aria-label', 'title', 'alt']) {
            const value = node.getAttribute && node.getAttribute(attr);
            if (value) parts.push(value);
          }
        }
      }
      return parts.join(' ');
    })()`);
    assert.ok(text.includes('Candidate'), 'the pseudonyms are there');
    for (const name of NAMES) assert.ok(!text.includes(name), `${name} shown on ${where}`);
  }

  it('a reviewer rates every answer to the question by keyboard, blind and audio first', async () => {
    await page.goto(`${e2e.server.url}/#/by-question/${interviewId}/${questionId}`);
    await signIn(page, REVIEWER.email, REVIEWER.password);
    await page.getByRole('heading', { name: 'Question 1 of 1' }).waitFor();
    await page.getByText('0 of 4 rated by you').waitFor();
    // The rubric is beside the player: guidance and each score's anchor.
    await page.getByText('Listen for the need behind the request.').waitFor();
    await page.getByText(ANCHORS['5']).waitFor();
    const seen = new Set<string>();
    for (let i = 0; i < NAMES.length; i++) {
      const who = page
        .locator('p.who')
        .getByText(new RegExp(`^Answer ${i + 1} of 4: (Candidate \\d+)$`));
      await who.waitFor();
      const label = (await who.textContent())!.split(': ')[1]!;
      seen.add(label);
      assert.match(await page.title(), new RegExp(`^${label} · Question 1 · Client advisor`));
      // Audio first: the sound only, no picture, until this answer is rated.
      await page.locator(`${PLAYER_VIDEO}.audio-only`).waitFor();
      await page
        .getByText('Audio only: the video appears once you have rated this answer.')
        .waitFor();
      assert.equal(await page.locator(PLAYER_VIDEO).getAttribute('poster'), null);
      await waitForVideo(page, (v) => v.readyState >= 1, 60_000);
      await assertNoName(`answer ${i + 1}`);
      if (i === 0) axe['audio first'] = await seriousAxeViolations(page);
      await page.keyboard.press(String((i % 4) + 2));
      await page.getByRole('status').getByText('Saved', { exact: true }).waitFor();
      // Rated: the video comes.
      await page.locator(`${PLAYER_VIDEO}:not(.audio-only)`).waitFor();
      assert.equal(await page.getByRole('radio', { name: String((i % 4) + 2) }).isChecked(), true);
      if (i < NAMES.length - 1) await page.keyboard.press('k');
    }
    assert.equal(seen.size, 4, 'four different pseudonyms');
    await page.getByText('You have rated every answer in this interview.').waitFor();
    await page.getByText('4 of 4 rated by you').waitFor();
    axe.rated = await seriousAxeViolations(page);
    await assertNoName('the end');
    const mine = await (await login(e2e.server.url, REVIEWER.email, REVIEWER.password)).get<any>(
      `/review/by-question?interviewId=${interviewId}&questionId=${questionId}`,
    );
    assert.deepEqual(mine.body.items.map((item: any) => item.myScore).sort(), [2, 3, 4, 5]);
  });

  it('a recruiter reads the results and decides', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page);
    await page.goto(`${e2e.server.url}/#/interviews/${interviewId}/results`);
    await page.getByRole('heading', { name: 'Results', level: 1 }).waitFor();
    // The title follows once the results have loaded.
    await page.waitForFunction(() => document.title.startsWith('Results · Client advisor'), null, {
      timeout: 15_000,
    });
    const card = page.locator('li[data-invitation]').filter({ hasText: 'Ada Lovelace' });
    await card.getByText('Every answer fully rated').waitFor();
    await card.getByRole('radio', { name: 'Advance' }).check();
    await card.getByLabel('Note (optional)').fill('Strong client example.');
    await card.getByRole('button', { name: 'Save decision' }).click();
    await card.getByText('Decision saved.').waitFor();
    axe.results = await seriousAxeViolations(page);
    const results = await admin.get<any>(`/interviews/${interviewId}/results`);
    const ada = results.body.items.find((i: any) => i.candidate.name === 'Ada Lovelace');
    assert.equal(ada.decision.outcome, 'advance');
    assert.equal(ada.decision.note, 'Strong client example.');
    await page.goto(`${e2e.server.url}/#/interviews/${interviewId}/reliability`);
    await page.getByRole('heading', { name: 'Reviewer agreement', level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    axe.reliability = await seriousAxeViolations(page);
  });

  it('has no serious or critical accessibility violations on these screens', () => {
    for (const [screen, violations] of Object.entries(axe))
      assert.deepEqual(violations, [], screen);
    assert.deepEqual(Object.keys(axe), ['audio first', 'rated', 'results', 'reliability']);
  });
});
