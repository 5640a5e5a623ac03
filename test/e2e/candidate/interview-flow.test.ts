import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations, type TestBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import {
  buildBundle,
  confirmRecordAgain,
  inviteCandidate,
  reachPractice,
  recordAnswer,
  serverAnswers,
  startAnswer,
  stopAnswer,
  waitUntilProcessed,
} from './support.js';

async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(
    violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
    [],
    `serious accessibility problems on ${where}`,
  );
}

describe('candidate recorder: the whole interview', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: TestBrowser;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser(), buildBundle()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records two answers that become ready, with a practice that is never uploaded', async () => {
    const invited = await inviteCandidate(server, [
      {
        prompt: 'Tell us about a problem you solved.',
        thinkSeconds: 5,
        maxSeconds: 30,
        retakes: 1,
      },
      { prompt: 'Why this role?', thinkSeconds: 0, maxSeconds: 20, retakes: 0 },
    ]);
    const page = await browser.newPage();
    await page.goto(invited.url);
    await page.getByRole('heading', { name: 'Hello Candidate 1' }).waitFor();
    await page.getByText('2 questions, one after the other').waitFor();
    await assertAccessible(page, 'the welcome screen');

    // Consent is required before any camera access.
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    await page.getByText('Please tick the box to continue').waitFor();
    await page.getByRole('checkbox', { name: /I agree to be recorded/ }).check();
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    await page.getByText('We can hear you.').waitFor();
    await page.getByText(/Your connection is/).waitFor();
    await assertAccessible(page, 'the device check');
    await page.getByRole('button', { name: 'Everything works: continue' }).click();

    await page.getByRole('heading', { name: 'Practice question' }).waitFor();
    await startAnswer(page);
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByText('This was a practice: nothing was sent.').waitFor();
    assert.equal(
      (await serverAnswers(invited.candidate)).length,
      0,
      'the practice is not uploaded',
    );
    await page.getByRole('button', { name: 'Start the interview' }).click();

    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    await page.getByRole('button', { name: 'Show the question' }).click();
    await page.getByText('Tell us about a problem you solved.').waitFor();
    await page.getByRole('timer').waitFor();
    await assertAccessible(page, 'the thinking time');
    await page.getByRole('button', { name: 'Start recording now' }).click();
    await page.waitForTimeout(2500);
    await assertAccessible(page, 'the recording screen');
    await stopAnswer(page);
    await assertAccessible(page, 'the review screen');
    await page.getByRole('button', { name: 'Next question' }).click();

    await page.getByRole('heading', { name: 'Question 2 of 2' }).waitFor();
    await recordAnswer(page, 3);
    assert.equal(await page.getByRole('button', { name: 'Record again' }).count(), 0);
    await page.getByText('No retakes left for this question.').waitFor();
    await page.getByRole('button', { name: 'Finish the interview' }).click();
    await page.getByRole('heading', { name: 'Thank you, Candidate 1!' }).waitFor();
    await assertAccessible(page, 'the finished screen');

    const answers = await serverAnswers(invited.candidate);
    assert.equal(answers.length, 2);
    for (const answer of answers) {
      assert.match(answer.mimeType, /^video\//);
      const processed = await waitUntilProcessed(invited.staff, answer.id);
      assert.equal(processed.status, 'ready', processed.error ?? '');
      assert.ok(processed.durationMs! > 1500, `answer lasts ${processed.durationMs} ms`);
    }
    const invitations = await invited.staff.get(`/interviews/${invited.interview.id}/invitations`);
    assert.equal(invitations.body.items[0].status, 'completed');
    await page.close();
  });

  it('offers retakes only while the question allows them, and stops at the limit', async () => {
    const invited = await inviteCandidate(server, [
      { prompt: 'Describe your last project.', thinkSeconds: 5, maxSeconds: 10, retakes: 1 },
    ]);
    const page = await browser.newPage();
    await reachPractice(page, invited.url);
    await page.getByRole('button', { name: 'Skip the practice' }).click();
    await page.getByText('1 retake left.').waitFor();
    await recordAnswer(page, 2);
    await page.getByText('1 retake left.').waitFor();
    await confirmRecordAgain(page);
    await page.getByRole('button', { name: 'Start recording now' }).click();
    // Nobody presses stop: the recording ends by itself at the 10-second limit.
    await page.getByText('Your answer is saved.').first().waitFor({ timeout: 30_000 });
    await page.getByText('No retakes left for this question.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Record again' }).count(), 0);

    const answers = await serverAnswers(invited.candidate);
    assert.deepEqual(
      answers.map((a) => [a.attempt, a.status === 'recording' ? 'recording' : 'submitted']),
      [
        [1, 'submitted'],
        [2, 'submitted'],
      ],
    );
    const limited = await waitUntilProcessed(invited.staff, answers[1]!.id);
    assert.ok(
      limited.durationMs! > 9000 && limited.durationMs! < 11_500,
      `${limited.durationMs} ms`,
    );
    const third = await invited.candidate.post('/candidate/answers', {
      questionId: invited.interview.questions[0]!.id,
      mimeType: 'video/webm',
    });
    assert.equal(third.body.code, 'retakes_exhausted');
    await page.close();
  });

  it('speaks French when asked (?lang=fr)', async () => {
    const invited = await inviteCandidate(server);
    const page = await browser.newPage();
    await page.goto(`${invited.url}?lang=fr`);
    await page.getByRole('heading', { name: 'Bonjour Candidate 1' }).waitFor();
    await page.getByText('1 question, l’une après l’autre').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await page.getByRole('checkbox', { name: /J’accepte l’enregistrement/ }).check();
    await page.getByRole('button', { name: 'Vérifier ma caméra et mon micro' }).click();
    await page.getByRole('button', { name: /Tout fonctionne/ }).waitFor();
    await page.close();
  });
});
