/**
 * Issue 9: a reload during the thinking time used to give the whole thinking time again (the
 * empty take was abandoned, at no cost, and the question revealed afresh). Now the take is
 * resumed with the thinking time the server says is left, and recorded into.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Clock } from '../../api/support.js';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import {
  comeBack,
  inviteCandidate,
  leaveAnyway,
  reachPractice,
  serverAnswers,
  skipPractice,
  stopAnswer,
} from './support.js';

/** The thinking clock ("0:14") in seconds. */
async function thinkingClock(page: Page): Promise<number> {
  const [minutes, seconds] = ((await page.getByRole('timer').textContent()) ?? '').split(':');
  return Number(minutes) * 60 + Number(seconds);
}

describe('candidate recorder: a reload during the thinking time', function () {
  this.timeout(180_000);
  // The server's clock stands still unless the test moves it: how long the thinking time ran
  // while the candidate was away is what the test says, not how slow the machine was.
  const clock = new Clock();
  before(() => clock.freeze());
  const e2e = serverAndBrowser({ server: { now: clock.now } });

  async function openPage(): Promise<Page> {
    const page = await e2e.browser.newPage();
    // "Leave this page?" while a take is open: the candidate leaves anyway.
    leaveAnyway(page);
    return page;
  }

  /** A candidate invited to one question with a minute to think, who has just revealed it. */
  async function revealQuestion(prompt: string, retakes: number) {
    const invited = await inviteCandidate(e2e.server, [
      { prompt, thinkSeconds: 60, maxSeconds: 30, retakes },
    ]);
    const page = await openPage();
    await reachPractice(page, invited.url);
    await skipPractice(page);
    await page.getByRole('button', { name: 'Show the question' }).click();
    await page.getByText(prompt).waitFor();
    return { invited, page };
  }

  it('gives back only the thinking time left, and records into the same take', async () => {
    const { invited, page } = await revealQuestion('What would you change first?', 1);
    const [revealed] = await serverAnswers(invited.candidate);
    clock.advance(15_000); // away for 15 s of the minute to think
    await page.reload();

    await comeBack(page);
    await page.getByText('What would you change first?').waitFor();
    const left = await thinkingClock(page);
    // 45 s left by the server; the page counts down from there on its own.
    assert.ok(left > 0 && left <= 45, `at most 0:45 left after 15 s, not 0:${left}`);
    const resumed =
      /^Welcome back\. Your thinking time kept running while you were away: \d+ seconds? left\.$/;
    // Said on screen, and to screen readers through the live region.
    await page.getByRole('paragraph').filter({ hasText: resumed }).waitFor();
    await page.locator('[aria-live]').filter({ hasText: resumed }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);

    await page.getByRole('button', { name: 'Start recording now' }).click();
    await page.waitForTimeout(2000);
    await stopAnswer(page);
    const answers = await serverAnswers(invited.candidate);
    assert.deepEqual(
      answers.map((a) => [a.id, a.attempt, a.status === 'recording' || a.tombstone]),
      [[revealed!.id, 1, false]],
      'one take, the one revealed before the reload, submitted',
    );
    // The retake is still there: resuming used no attempt.
    await page.getByRole('button', { name: 'Record again' }).waitFor();
    await page.close();
  });

  it('with no thinking time left, starts recording at once after the device check', async () => {
    const { invited, page } = await revealQuestion('Why this team?', 0);
    // Left before recording would start, then back once the thinking time is over.
    clock.advance(61_000);
    await page.reload();

    await comeBack(page);
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    const ranOut = /^Welcome back\. Your thinking time ran out while you were away/;
    await page.getByRole('paragraph').filter({ hasText: ranOut }).waitFor();
    await page.waitForTimeout(2000);
    await stopAnswer(page);
    const answers = await serverAnswers(invited.candidate);
    assert.deepEqual(
      answers.map((a) => [a.attempt, a.status === 'recording' || a.tombstone]),
      [[1, false]],
    );
    await page.close();
  });
});
