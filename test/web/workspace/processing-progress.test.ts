import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type {
  Interview,
  InterviewQuestion,
  QueueItem,
  StaffEventMap,
} from '../../../server/contracts/api.js';
import { REVIEW_DEFAULTS } from '../../../server/contracts/review.js';
import { launchBrowser, seriousAxeViolations, type TestBrowser } from '../../helpers/browser.js';
import { HARNESS_STAFF_TOKEN, type Harness, sharedHarness } from './component-harness.js';

/** What a progress bar says to assistive technology, from Chromium's own accessibility tree. */
interface ProgressbarNode {
  name: string;
  valuenow: number | null;
}

function question(id: string, position: number, prompt: string): InterviewQuestion {
  const rubric = { competency: null, guidance: '', anchors: {} };
  return { id, position, prompt, thinkSeconds: 30, maxSeconds: 120, retakes: 1, ...rubric };
}

const INTERVIEW: Interview = {
  id: 'int-1',
  title: 'Support engineer',
  intro: '',
  deadline: null,
  createdAt: '2025-03-01T09:00:00.000Z',
  questions: [
    question('q1', 1, 'Tell us about a problem you solved.'),
    question('q2', 2, 'Why does this role interest you?'),
  ],
  competencies: [],
  review: REVIEW_DEFAULTS,
  allowAudioOnly: true,
  retentionDays: 365,
  privacyText: null,
};

/** One candidate who finished; both answers still being converted. */
const QUEUE: QueueItem[] = [
  {
    invitationId: 'inv-1',
    interviewId: 'int-1',
    candidate: {
      id: 'cand-1',
      label: 'Candidate 1',
      name: 'Lovelace, Ada',
      email: 'ada@example.test',
    },
    completedAt: '2025-03-02T10:00:00.000Z',
    answers: ['q1', 'q2'].map((questionId, i) => ({
      id: `a${i + 1}`,
      questionId,
      status: 'processing' as const,
      durationMs: null,
      posterUrl: null,
    })),
    myRated: false,
    ratingCount: 0,
  },
];

/**
 * The workspace's queue and review page on their own, with a fake API (state in window.state,
 * changed by the test as the server's database would be) and the real LiveFeed connected over
 * socket.io to the harness, which sends the staff events exactly as the server does.
 */
describe('workspace component: video processing progress, live over socket.io, in Chromium', function () {
  this.timeout(60_000);
  let harness: Harness;
  let browser: TestBrowser;
  let page: Page;

  before(async () => {
    harness = await sharedHarness();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
  });

  async function openPage() {
    page = await browser.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(`${harness.url}/`);
    await setUp();
  }

  /** The fake API and a connected live feed in the page: window.ctx, as the shell gives views. */
  async function setUp() {
    await page.evaluate(
      ({ token, interview, queue }) => {
        const w = window as any;
        w.state = { queue };
        // Assigned one by one: named functions here would need the test runner's helpers.
        const api: any = {};
        api.interviews = async () => [interview];
        api.interview = async () => interview;
        api.queue = async () => structuredClone(w.state.queue);
        api.ratings = async () => [];
        api.answer = async (id: string) => {
          const found = w.state.queue[0].answers.find((a: any) => a.id === id);
          const ready = found.status === 'ready';
          return {
            id,
            invitationId: 'inv-1',
            questionId: found.questionId,
            status: found.status,
            durationMs: ready ? 12_000 : null,
            width: ready ? 320 : null,
            height: ready ? 240 : null,
            videoUrl: ready ? '/clip.mp4' : null,
            posterUrl: null,
            error: null,
          };
        };
        api.rate = async () => {
          throw new Error('not in this test');
        };
        const live = new w.workspaceHarness.LiveFeed();
        live.connect(token);
        w.ctx = {
          api,
          live,
          user: { id: 'me', email: 'me@example.test', name: 'Me', role: 'reviewer' },
        };
      },
      { token: HARNESS_STAFF_TOKEN, interview: INTERVIEW, queue: QUEUE },
    );
    await page.waitForFunction(() => (window as any).ctx.live.connected === true);
  }

  /** Puts a view on the blank page, as the shell's outlet does. */
  async function mount(tag: 'ws-review-queue' | 'ws-candidate-review') {
    await page.evaluate((tag) => {
      const stage = document.querySelector('#stage')!;
      stage.replaceChildren();
      const view = document.createElement(tag) as any;
      view.ctx = (window as any).ctx;
      if (tag === 'ws-candidate-review') view.invitationId = 'inv-1';
      stage.append(view);
    }, tag);
  }

  /** The server's event for the answer, and its database change when the status moves on. */
  function progress(answerId: string, percent: number) {
    harness.emit('answer-progress', { answerId, invitationId: 'inv-1', percent });
  }
  async function status(answerId: string, next: StaffEventMap['answer-status']['status']) {
    await page.evaluate(
      ({ answerId, next }) => {
        const w = window as any;
        const answer = w.state.queue[0].answers.find((a: any) => a.id === answerId);
        answer.status = next;
      },
      { answerId, next },
    );
    harness.emit('answer-status', { answerId, invitationId: 'inv-1', status: next });
  }

  /** Chromium updates its accessibility tree a moment after the DOM: ask until it agrees. */
  async function assertProgressbars(expected: ProgressbarNode[]) {
    const until = Date.now() + 5_000;
    for (;;) {
      const actual = await progressbars();
      try {
        assert.deepEqual(actual, expected);
        return;
      } catch (err) {
        if (Date.now() > until) throw err;
      }
      await page.waitForTimeout(50);
    }
  }

  async function progressbars(): Promise<ProgressbarNode[]> {
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: any[] };
      return nodes
        .filter((n) => n.role?.value === 'progressbar' && !n.ignored)
        .map((n) => ({
          name: n.name?.value ?? '',
          // Chromium gives aria-valuenow as the node's value; none while indeterminate.
          valuenow: n.value ? Number(n.value.value) : null,
        }));
    } finally {
      await cdp.detach();
    }
  }

  /** The polite announcement a progress indicator last made (empty: none yet). */
  const announced = (indicator: Locator) =>
    indicator
      .locator('[role="status"]')
      .textContent()
      .then((t) => (t ?? '').replace(/\s+/g, ' ').trim());

  /** Waits until the indicator's visible words are these. */
  const shows = (indicator: Locator, text: string) =>
    indicator.locator('.text').filter({ hasText: text }).waitFor();

  /** The bar's value as the page has it: null when indeterminate (no value attribute). */
  const barValue = (indicator: Locator) =>
    indicator
      .locator('progress')
      .evaluate((p: HTMLProgressElement) => (p.hasAttribute('value') ? p.value : null));

  it('queue: each processing answer shows "Preparing video: N %" and a progress bar, live', async () => {
    await openPage();
    await mount('ws-review-queue');
    const row = page.locator('li[data-invitation="inv-1"]');
    const first = row.locator('li[data-answer="a1"] ws-processing-progress');
    const second = row.locator('li[data-answer="a2"] ws-processing-progress');
    await shows(first, 'Preparing video…');

    // Nothing heard yet: under way, amount unknown.
    assert.equal(await barValue(first), null);
    await assertProgressbars([
      { name: 'Preparing video of Lovelace, Ada, question 1', valuenow: null },
      { name: 'Preparing video of Lovelace, Ada, question 2', valuenow: null },
    ]);

    const heard: string[] = [];
    for (const percent of [10, 20, 30, 40, 50, 60]) {
      progress('a1', percent);
      await shows(first, `Preparing video: ${percent} %`);
      heard.push(await announced(first));
    }
    // Said at most every quarter: 30 % passed 25 %, 50 % passed 50 %; the other steps were quiet.
    assert.deepEqual(heard, [
      '',
      '',
      'Preparing video of Lovelace, Ada, question 1: 30 %',
      'Preparing video of Lovelace, Ada, question 1: 30 %',
      'Preparing video of Lovelace, Ada, question 1: 50 %',
      'Preparing video of Lovelace, Ada, question 1: 50 %',
    ]);
    assert.equal(await barValue(first), 60);
    await assertProgressbars([
      { name: 'Preparing video of Lovelace, Ada, question 1', valuenow: 60 },
      { name: 'Preparing video of Lovelace, Ada, question 2', valuenow: null },
    ]);
    // The other answer, and answers of other candidates, are not touched.
    progress('other-answer', 90);
    assert.equal(await barValue(second), null);
    assert.equal(await second.locator('.text').textContent(), '⏳ Preparing video…');
    assert.deepEqual(await seriousAxeViolations(page), []);

    await status('a1', 'ready');
    await row.locator('li[data-answer="a1"]').waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .getByText('1 video(s) ready to review.', { exact: true })
      .waitFor();
    assert.equal(await barValue(second), null, 'the answer still processing keeps its bar');
    assert.equal(await row.locator('li[data-answer]').count(), 1);
  });

  it('queue: answers turning ready together make one summarised announcement', async () => {
    await openPage();
    await mount('ws-review-queue');
    const row = page.locator('li[data-invitation="inv-1"]');
    await row.locator('li[data-answer="a2"]').waitFor();
    await status('a1', 'ready');
    await status('a2', 'failed');
    await page
      .getByRole('status')
      .getByText('1 video(s) ready to review, 1 could not be prepared.', { exact: true })
      .waitFor();
    const said = await page.getByRole('status').allTextContents();
    assert.ok(!said.some((text) => text.includes('question 1')), 'no announcement per answer');
  });

  it('review page: from "Preparing video…" to a percentage, then the video when it is ready', async () => {
    await openPage();
    await mount('ws-candidate-review');
    const waiting = page.locator('ws-candidate-review .waiting');
    const indicator = waiting.locator('ws-processing-progress');
    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    await shows(indicator, 'Preparing video…');
    assert.equal(await barValue(indicator), null);
    await assertProgressbars([{ name: 'Preparing video', valuenow: null }]);

    const heard = new Set<string>();
    for (const percent of [10, 20, 30, 40]) {
      progress('a1', percent);
      await shows(indicator, `Preparing video: ${percent} %`);
      heard.add(await announced(indicator));
    }
    assert.equal(await barValue(indicator), 40);
    await assertProgressbars([{ name: 'Preparing video', valuenow: 40 }]);
    // The question's other answer moving on does not move this bar.
    progress('a2', 90);
    await page.waitForTimeout(200);
    assert.equal(await barValue(indicator), 40);

    // A reload mid-conversion: nothing heard since, so back to "under way" until the next step.
    await page.reload();
    await setUp();
    await mount('ws-candidate-review');
    await shows(indicator, 'Preparing video…');
    assert.equal(await barValue(indicator), null);
    for (const percent of [50, 60, 70, 80, 90]) {
      progress('a1', percent);
      await shows(indicator, `Preparing video: ${percent} %`);
      heard.add(await announced(indicator));
    }
    assert.deepEqual(
      [...heard],
      ['', 'Preparing video: 30 %', 'Preparing video: 50 %', 'Preparing video: 80 %'],
      'one announcement per quarter, before and after the reload',
    );
    await assertProgressbars([{ name: 'Preparing video', valuenow: 90 }]);
    assert.deepEqual(await seriousAxeViolations(page), []);

    await status('a1', 'ready');
    await page
      .getByRole('status')
      .getByText('The video for question 1 is ready.', { exact: true })
      .waitFor();
    await page
      .locator('ws-answer-player video.main')
      .evaluate(
        (v: HTMLVideoElement) =>
          v.readyState >= 1 ||
          new Promise((resolve) => v.addEventListener('loadedmetadata', resolve, { once: true })),
      );
    assert.equal(await indicator.count(), 0, 'no progress bar once the video plays');
    await assertProgressbars([]);
    await page.locator('ws-status-badge').getByText('Ready').waitFor();
    assert.equal(await page.getByRole('radio', { name: '3' }).isDisabled(), false, 'rateable');
  });

  it('keeps what the queue heard for the review page, and speaks French', async () => {
    await openPage();
    await page.evaluate(() => (window as any).workspaceHarness.setLocale('fr'));
    await mount('ws-review-queue');
    const row = page.locator('li[data-answer="a2"] ws-processing-progress');
    await shows(row, 'Préparation de la vidéo…');
    progress('a2', 70);
    await shows(row, 'Préparation de la vidéo : 70 %');
    await assertProgressbars([
      { name: 'Préparation de la vidéo de Lovelace, Ada, question 1', valuenow: null },
      { name: 'Préparation de la vidéo de Lovelace, Ada, question 2', valuenow: 70 },
    ]);

    await mount('ws-candidate-review');
    await page.getByRole('heading', { name: 'Question 1 sur 2' }).waitFor();
    await page.getByRole('button', { name: /Q2/ }).click();
    const indicator = page.locator('ws-candidate-review .waiting ws-processing-progress');
    await shows(indicator, 'Préparation de la vidéo : 70 %');
    assert.equal(await barValue(indicator), 70);
    assert.equal(await announced(indicator), '', 'nothing new to say on arrival');
  });
});
