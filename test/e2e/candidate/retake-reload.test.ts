/**
 * Issue 21, item 1: a candidate saved a complete answer, pressed "Record again", recorded a few
 * seconds and reloaded; the fragment replaced the complete answer, with no choice. Now "Record
 * again" asks first (and can be cancelled), and an interrupted retake waits for the candidate to
 * choose between it and the complete answer: until then the complete answer is the one kept.
 */
import assert from 'node:assert/strict';
import { launchBrowser, seriousAxeViolations, type TestBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import {
  buildBundle,
  comeBack,
  confirmRecordAgain,
  elapsedAtLeast,
  endCaptureAsIosDoes,
  hidePage,
  inviteCandidate,
  reachPractice,
  serverAnswers,
  serverChunksAtLeast,
  skipPractice,
  startAnswer,
  stopAnswer,
  waitUntilProcessed,
} from './support.js';

const QUESTION = {
  prompt: 'What are you proudest of?',
  thinkSeconds: 5,
  maxSeconds: 30,
  retakes: 1,
};

describe('candidate recorder: a retake never throws away a complete answer', function () {
  this.timeout(180_000);
  let server: TestServer;
  let browser: TestBrowser;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser(), buildBundle()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('"Record again" asks first; cancelling keeps the saved answer and the retake', async () => {
    const invited = await inviteCandidate(server, [QUESTION]);
    const page = await browser.newPage();
    await reachPractice(page, invited.url);
    await skipPractice(page);
    await startAnswer(page);
    await elapsedAtLeast(page, 2);
    await stopAnswer(page);

    const retake = page.getByRole('button', { name: 'Record again' });
    await retake.click();
    const dialog = page.getByRole('dialog', { name: 'Record this answer again?' });
    await dialog.waitFor();
    await dialog
      .getByText('Your saved answer is kept until the new recording is complete.')
      .waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    // Escape is the way back too, as the Cancel button is.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Your answer is saved.').first().waitFor();
    await page.getByText('1 retake left.').waitFor();
    assert.equal(await page.evaluate(deepActiveLabel), 'Record again', 'focus returns');

    await retake.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('1 retake left.').waitFor();
    const answers = await serverAnswers(invited.candidate);
    assert.equal(answers.length, 1, 'cancelling created no take');

    await confirmRecordAgain(page);
    await page.getByRole('button', { name: 'Start recording now' }).waitFor();
    await page.close();
  });

  it('a reload during a retake keeps the complete answer until the candidate chooses', async () => {
    const invited = await inviteCandidate(server, [QUESTION]);
    const page = await browser.newPage();
    await reachPractice(page, invited.url);
    await skipPractice(page);
    await startAnswer(page);
    await elapsedAtLeast(page, 4);
    await stopAnswer(page);
    const [complete] = await serverAnswers(invited.candidate);

    await confirmRecordAgain(page);
    await page.getByRole('button', { name: 'Start recording now' }).click();
    await elapsedAtLeast(page, 2);
    await serverChunksAtLeast(invited.candidate, 2);
    await page.reload();

    await comeBack(page);
    const choice = page.getByRole('group', { name: 'Which answer do you want to keep?' });
    await choice.waitFor();
    await choice.getByText(/^Your earlier answer: complete/).waitFor();
    await choice.getByText(/^Your new recording: interrupted after about \d+ seconds?/).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    // Nothing is decided until the candidate chooses: the complete answer is still the latest
    // one handed in, and the fragment waits, open, on the server.
    const waiting = await serverAnswers(invited.candidate);
    const handedIn = (status: string) => status === 'processing' || status === 'ready';
    assert.deepEqual(
      waiting.map((a) => [a.attempt, a.status === 'recording' ? 'open' : handedIn(a.status)]),
      [
        [1, true],
        [2, 'open'],
      ],
    );

    await choice.getByRole('button', { name: 'Keep my earlier answer' }).click();
    await page.getByRole('button', { name: 'Finish the interview' }).click();
    await page.getByRole('heading', { name: 'Thank you, Candidate 1!' }).waitFor();

    // What the reviewer gets is the complete answer, as long as it was.
    const queue = await invited.staff.get<{ items: { answers: { id: string }[] }[] }>(
      `/review/queue?interviewId=${invited.interview.id}`,
    );
    assert.deepEqual(
      queue.body.items[0]!.answers.map((a) => a.id),
      [complete!.id],
    );
    const reviewed = await waitUntilProcessed(invited.staff, complete!.id);
    assert.equal(reviewed.status, 'ready', reviewed.error ?? '');
    assert.ok(reviewed.durationMs! >= 3000, `the whole first answer: ${reviewed.durationMs} ms`);
    await page.close();
  });

  it('or the candidate keeps the new recording, cut short as it is (in French)', async () => {
    const invited = await inviteCandidate(server, [QUESTION]);
    const page = await browser.newPage();
    await reachPractice(page, invited.url);
    await skipPractice(page);
    await startAnswer(page);
    await elapsedAtLeast(page, 2);
    await stopAnswer(page);
    await confirmRecordAgain(page);
    await page.getByRole('button', { name: 'Start recording now' }).click();
    await elapsedAtLeast(page, 3);
    await serverChunksAtLeast(invited.candidate, 3);
    const [, retake] = await serverAnswers(invited.candidate);

    // Reloaded, in French this time: the choice is offered in the candidate's language.
    await page.goto(`${invited.url}?lang=fr`);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('button', { name: /^Tout fonctionne/ }).click();
    const choice = page.getByRole('group', { name: /^Quelle réponse voulez-vous garder/ });
    await choice.getByRole('button', { name: 'Garder le nouvel enregistrement' }).click();
    await page.getByText('Votre réponse est sauvegardée.').first().waitFor({ timeout: 30_000 });

    const [first, second] = await serverAnswers(invited.candidate);
    assert.deepEqual(
      [first!.status === 'failed', second!.id, second!.status === 'recording', second!.discarded],
      [false, retake!.id, false, false],
      'both handed in: the newer one is reviewed',
    );
    const kept = await waitUntilProcessed(invited.staff, retake!.id);
    assert.equal(kept.status, 'ready', kept.error ?? '');
    await page.close();
  });

  it('a retake the system cuts short in the page (iOS, background) waits for the choice too', async () => {
    const invited = await inviteCandidate(server, [QUESTION]);
    const page = await browser.newPage();
    await reachPractice(page, invited.url);
    await skipPractice(page);
    await startAnswer(page);
    await elapsedAtLeast(page, 2);
    await stopAnswer(page);
    const [complete] = await serverAnswers(invited.candidate);
    await confirmRecordAgain(page);
    await page.getByRole('button', { name: 'Start recording now' }).click();
    await elapsedAtLeast(page, 2);
    await page.evaluate(hidePage, true);
    await page.evaluate(endCaptureAsIosDoes);
    await page.evaluate(hidePage, false);

    const choice = page.getByRole('group', { name: 'Which answer do you want to keep?' });
    // Its own playback is there to help choose: this page still holds the recording.
    await choice.getByLabel('Your new, interrupted recording').waitFor();
    await serverChunksAtLeast(invited.candidate, 1);
    const [, open] = await serverAnswers(invited.candidate);
    assert.equal(open!.status, 'recording', 'not handed in before the choice');
    await choice.getByRole('button', { name: 'Keep my earlier answer' }).click();
    await page.getByText('You kept your earlier answer.', { exact: false }).waitFor();
    const [first, second] = await serverAnswers(invited.candidate);
    assert.deepEqual(
      [first!.id, first!.status === 'failed', second!.discarded],
      [complete!.id, false, true],
    );
    await page.close();
  });
});

/** In the page: the accessible name of the focused element, through shadow roots. */
function deepActiveLabel(): string {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active?.textContent?.trim() ?? '';
}
