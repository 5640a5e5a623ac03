import assert from 'node:assert/strict';
import { launchBrowser, type TestBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import {
  buildBundle,
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

describe('candidate recorder: lost connections and reloads', function () {
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

  it('keeps recording through 15 s offline and loses nothing', async () => {
    const invited = await inviteCandidate(server, [
      { prompt: 'Walk us through your week.', thinkSeconds: 5, maxSeconds: 60, retakes: 0 },
    ]);
    const page = await browser.newPage();
    await reachPractice(page, invited.url);
    await skipPractice(page);
    const started = Date.now(); // before: the recording cannot have begun earlier
    await startAnswer(page);
    await page.waitForTimeout(3000);

    const offlineAt = Date.now();
    await browser.context.setOffline(true);
    await page.getByText(/Offline\. .* MB of recording is safe on this device/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Stop recording' }).isVisible(), true);
    await page.waitForTimeout(15_000);
    await browser.context.setOffline(false);
    const offlineMs = Date.now() - offlineAt;

    await page.getByText('Uploading as you record: up to date.').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2000);
    await stopAnswer(page);
    const takeMs = Date.now() - started;

    const [answer] = await serverAnswers(invited.candidate);
    const processed = await waitUntilProcessed(invited.staff, answer!.id);
    assert.equal(processed.status, 'ready', processed.error ?? '');
    // The server's video holds what was recorded offline and the 5 s around it (however slow
    // the machine: a busy one only makes the take longer), and is no longer than the take.
    assert.ok(
      processed.durationMs! >= offlineMs + 5_000 - 1_000 && processed.durationMs! <= takeMs + 500,
      `video lasts ${processed.durationMs} ms; offline ${offlineMs} ms, the take ${takeMs} ms`,
    );
    await page.close();
  });

  it('after a reload mid-answer, keeps the interrupted take and carries on', async () => {
    const invited = await inviteCandidate(server, [
      { prompt: 'What motivates you?', thinkSeconds: 5, maxSeconds: 30, retakes: 1 },
      { prompt: 'Any questions for us?', thinkSeconds: 5, maxSeconds: 30, retakes: 0 },
    ]);
    const page = await browser.newPage();
    await reachPractice(page, invited.url);
    await skipPractice(page);
    await startAnswer(page);
    // What a candidate would check: the clock says 4 s, and the uploads have kept up (1-s
    // slices: 4 on the server). Waiting on both, not on a fixed time, keeps a loaded machine's
    // slow encoder from turning into a "loss".
    await elapsedAtLeast(page, 4);
    const sent = await serverChunksAtLeast(invited.candidate, 4);
    await page.reload();

    await page.getByRole('heading', { name: 'Welcome back, Candidate 1' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Everything works: continue' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    await page
      .getByText('Your last recording of this question was interrupted. We kept what you recorded.')
      .waitFor();
    await page.getByText('Your answer is saved.').first().waitFor();
    // The interrupted take counted as the first attempt; the retake is still there.
    await page.getByText('1 retake left.').waitFor();

    const [kept] = await serverAnswers(invited.candidate);
    const processed = await waitUntilProcessed(invited.staff, kept!.id);
    assert.equal(processed.status, 'ready', processed.error ?? '');
    // Everything the server held before the reload is in the video, less at most one slice
    // (Chrome's MP4 recorder sends its header alone in the first one).
    const expected = (sent - 1) * 1000;
    assert.ok(
      processed.durationMs! >= expected,
      `kept ${processed.durationMs} ms; ${sent} slices had reached the server`,
    );

    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByRole('heading', { name: 'Question 2 of 2' }).waitFor();
    await startAnswer(page);
    await page.waitForTimeout(2000);
    await stopAnswer(page);
    await page.getByRole('button', { name: 'Finish the interview' }).click();
    await page.getByRole('heading', { name: 'Thank you, Candidate 1!' }).waitFor();
    await page.close();
  });

  it('a take cut off before its first slice costs no attempt, even without retakes', async () => {
    const invited = await inviteCandidate(server, [
      { prompt: 'Your strengths?', thinkSeconds: 5, maxSeconds: 30, retakes: 0 },
    ]);
    const page = await browser.newPage();
    // A slow device: no slice within the first seconds, so the reload below always lands
    // before the first one (a real phone under load, or a camera that failed at once).
    await page.addInitScript({ content: SLOW_FIRST_SLICE });
    await reachPractice(page, invited.url);
    await skipPractice(page);
    await startAnswer(page);
    await page.reload();

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Everything works: continue' }).click();
    await page.getByText(/^Nothing was recorded, so this did not use a retake/).waitFor();
    // Given up, it is kept as a tombstone: a device holding its recording could still send it.
    const given = await serverAnswers(invited.candidate);
    assert.deepEqual(
      given.map((a) => [a.status, a.tombstone]),
      [['failed', true]],
    );
    await page.getByText('No retakes left for this question.').waitFor();

    await page.evaluate(() => {
      (globalThis as { slowFirstSlice?: boolean }).slowFirstSlice = false;
    });
    await startAnswer(page);
    await page.waitForTimeout(2000);
    await stopAnswer(page);
    const [, only] = await serverAnswers(invited.candidate);
    assert.equal(only!.attempt, 2);
    assert.notEqual(only!.status, 'recording');
    await page.close();
  });

  it('pauses while the page is hidden, resumes, and keeps a take the system cut short', async () => {
    const invited = await inviteCandidate(server, [
      { prompt: 'Tell us a story.', thinkSeconds: 5, maxSeconds: 30, retakes: 0 },
      { prompt: 'And another.', thinkSeconds: 5, maxSeconds: 30, retakes: 0 },
    ]);
    const page = await browser.newPage();
    await reachPractice(page, invited.url);
    await skipPractice(page);

    // Desktop or Android: the camera survives the background, the take pauses, then resumes.
    const takeStarted = Date.now();
    await startAnswer(page);
    await page.waitForTimeout(2000);
    await page.evaluate(hidePage, true);
    const hiddenAt = Date.now(); // paused by now, and until the click below at least
    await page.waitForTimeout(2000);
    await page.evaluate(hidePage, false);
    await page.getByText('Recording paused while the page was in the background.').waitFor();
    const resumedAt = Date.now();
    await page.getByRole('button', { name: 'Resume recording' }).click();
    await page.waitForTimeout(2000);
    await stopAnswer(page);
    const takeMs = Date.now() - takeStarted;
    const [first] = await serverAnswers(invited.candidate);
    const paused = await waitUntilProcessed(invited.staff, first!.id);
    assert.equal(paused.status, 'ready', paused.error ?? '');
    // Nothing of the time between hiding and resuming is in the video, however long it took.
    const pausedMs = resumedAt - hiddenAt;
    assert.ok(
      paused.durationMs! >= 3_000 && paused.durationMs! <= takeMs - pausedMs + 500,
      `video ${paused.durationMs} ms of a ${takeMs}-ms take paused for ${pausedMs} ms`,
    );
    await page.getByRole('button', { name: 'Next question' }).click();

    // iOS: capture ends in the background. The take is kept as it was, the camera comes back.
    await startAnswer(page);
    await page.waitForTimeout(2500);
    await page.evaluate(hidePage, true);
    await page.evaluate(endCaptureAsIosDoes);
    await page.evaluate(hidePage, false);
    await page.getByText(/The recording stopped early/).waitFor();
    await page.getByText('Your answer is saved.').first().waitFor({ timeout: 30_000 });
    const [, second] = await serverAnswers(invited.candidate);
    const cut = await waitUntilProcessed(invited.staff, second!.id);
    assert.equal(cut.status, 'ready', cut.error ?? '');
    assert.ok(cut.durationMs! > 1500, `kept ${cut.durationMs} ms`);
    await page.close();
  });
});

/** In the page: MediaRecorder hands over its first slice after 10 s instead of 1 s. */
// A device that hands over nothing before the page goes: no slice for 10 s, and the flush on
// leave (requestData) gets nothing either. Without the second part, Chrome's WebM recorder hands
// over what it has on leave and the take is not empty (an interrupted take, another test).
const SLOW_FIRST_SLICE = `
  globalThis.slowFirstSlice = true;
  const start = MediaRecorder.prototype.start;
  MediaRecorder.prototype.start = function (timeslice) {
    return start.call(this, globalThis.slowFirstSlice ? 10000 : timeslice);
  };
  const requestData = MediaRecorder.prototype.requestData;
  MediaRecorder.prototype.requestData = function () {
    if (!globalThis.slowFirstSlice) return requestData.call(this);
  };
`;
