/**
 * Review switch: in Chromium, on local storage, the time from pressing "next" (K) in the
 * question-by-question review to the next answer's first video frame, over 20 answers.
 * Target: p95 ≤ 300 ms. The reviewer has rated every answer already, so each one plays video
 * (audio first is off); the next answer's media is preloaded as it is in normal use.
 *
 *   npx tsx scripts/bench/review-switch.ts [--answers 20]
 */
import assert from 'node:assert/strict';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { signIn } from '../../test/e2e/workspace/support.js';
import { Api, login, recordAnswer, tokenOf, waitForAnswer } from '../../test/helpers/api.js';
import { launchBrowser } from '../../test/helpers/browser.js';
import { closeMediaFixtures, safariLikeMp4Chunks } from '../../test/helpers/media-fixtures.js';
import { startTestServer } from '../../test/helpers/test-server.js';
import { buildWeb } from '../build-web.js';
import { addTeamNoise } from './team-noise.js';

const { values } = parseArgs({ options: { answers: { type: 'string', default: '20' } } });
const count = Number(values.answers);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const [server, media] = await Promise.all([startTestServer(), safariLikeMp4Chunks(8), buildWeb()]);
const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
try {
  const admin = await login(server.url);
  const created = await admin.post<any>('/interviews', {
    title: 'Bench',
    questions: [{ prompt: 'Tell us about a client.', thinkSeconds: 0, maxSeconds: 60, retakes: 0 }],
    review: { order: 'by-question', blind: true, hideVideoUntilRated: false, ratingsRequired: 1 },
  });
  const interviewId: string = created.body.id;
  const questionId: string = created.body.questions[0].id;
  // Issue 19: a reviewer member reviews (the membership rule runs), among 50 interviews and
  // 40 other staff.
  await addTeamNoise(server.deps.db, (await admin.get<any>('/me')).body.id);
  const reviewerLogin = {
    email: 'bench-reviewer@example.test',
    password: 'a long enough password',
  };
  const made = await admin.post<any>('/users', {
    ...reviewerLogin,
    name: 'Reviewer',
    role: 'reviewer',
  });
  await admin.put(`/interviews/${interviewId}/members`, {
    items: [{ userId: made.body.id, role: 'reviewer' }],
  });
  const reviewer = await login(server.url, reviewerLogin.email, reviewerLogin.password);
  const invited = await admin.post<any>(`/interviews/${interviewId}/invitations`, {
    candidates: Array.from({ length: count + 1 }, (_, i) => ({
      name: `P ${i}`,
      email: `p${i}@example.test`,
    })),
  });
  for (const invitation of invited.body.items) {
    const candidate = new Api(server.url, tokenOf(invitation.url));
    const answer = await recordAnswer(candidate, questionId, media.mimeType, media.chunks);
    assert.equal((await waitForAnswer(candidate, answer.id, 120_000)).status, 'ready');
    await candidate.post('/candidate/finish');
    await reviewer.put(`/answers/${answer.id}/ratings/me`, { score: 3 });
  }
  const page = await browser.newPage();
  await page.goto(`${server.url}/#/by-question/${interviewId}/${questionId}`);
  await signIn(page, reviewerLogin.email, reviewerLogin.password);
  await page
    .getByText(`Answer 1 of ${count + 1}:`, { exact: false })
    .first()
    .waitFor();
  const timings: number[] = [];
  for (let i = 0; i < count; i++) {
    // Let the next answer preload as a reviewer's time on this one would, then move on.
    await page.waitForTimeout(1500);
    // A string, not a function: tsx would add helpers the page does not have.
    const elapsed = await page.evaluate<number>(`(async () => {
      const player = 'ws-question-review';
      const video = () => document.querySelector('ws-shell').shadowRoot.querySelector(player)
        .shadowRoot.querySelector('ws-answer-player').shadowRoot.querySelector('video.main');
      const before = video().src;
      const start = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
      for (;;) {
        const v = video();
        if (v && v.src && v.src !== before) {
          await new Promise((resolve) => v.requestVideoFrameCallback(() => resolve()));
          return performance.now() - start;
        }
        await new Promise((r) => requestAnimationFrame(r));
      }
    })()`);
    timings.push(elapsed);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        answers: count,
        p50Ms: Math.round(percentile(sorted, 50)),
        p95Ms: Math.round(percentile(sorted, 95)),
        maxMs: Math.round(sorted.at(-1)!),
        targetP95Ms: 300,
        cpus: cpus().length,
        loadavg: loadavg().map((l) => l.toFixed(2)),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.stop();
  await closeMediaFixtures();
}
