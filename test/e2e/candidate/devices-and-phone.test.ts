import assert from 'node:assert/strict';
import {
  launchBrowser,
  PHONE,
  seriousAxeViolations,
  type TestBrowser,
} from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import {
  inviteCandidate,
  reachPractice,
  serverAnswers,
  skipPractice,
  waitUntilProcessed,
} from './support.js';

describe('candidate recorder: camera access and phones', function () {
  this.timeout(90_000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server?.stop();
  });

  describe('when camera access is refused', () => {
    let browser: TestBrowser;
    before(async () => {
      browser = await launchBrowser({ denyCamera: true });
    });
    after(async () => {
      await browser?.close();
    });

    it('explains how to allow it and goes on once it is allowed', async () => {
      const invited = await inviteCandidate(server);
      const page = await browser.newPage();
      await page.goto(invited.url);
      await page.getByRole('checkbox', { name: /I agree to be recorded/ }).check();
      await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
      await page
        .getByRole('alert')
        .getByText('Your browser is not allowing this page to use the camera and microphone.')
        .waitFor();
      await page.getByText('Allow the camera and the microphone for this site').waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);

      await browser.context.grantPermissions(['camera', 'microphone']);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('button', { name: 'Everything works: continue' }).click();
      await page.getByRole('heading', { name: 'Practice question' }).waitFor();
      await page.close();
    });
  });

  describe('on a 360 × 740 touch screen', () => {
    let browser: TestBrowser;
    before(async () => {
      browser = await launchBrowser(PHONE);
    });
    after(async () => {
      await browser?.close();
    });

    it('fits the screen, has finger-sized buttons and records in portrait', async () => {
      const invited = await inviteCandidate(server);
      const page = await browser.newPage();
      await reachPractice(page, invited.url);
      await skipPractice(page);
      await page.getByRole('button', { name: 'Show the question' }).tap();
      await page.getByRole('button', { name: 'Start recording now' }).waitFor();

      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        video: document
          .querySelector('candidate-page')
          ?.shadowRoot?.querySelector('interview-recorder')
          ?.shadowRoot?.querySelector('question-step')
          ?.shadowRoot?.querySelector('camera-preview')
          ?.shadowRoot?.querySelector('video')
          ?.getAttribute('playsinline'),
      }));
      assert.ok(layout.scrollWidth <= 360, `page is ${layout.scrollWidth} px wide`);
      assert.equal(layout.video, '', 'the preview plays inline on iOS');
      const start = await page.getByRole('button', { name: 'Start recording now' }).boundingBox();
      assert.ok(start && start.height >= 44, `button is ${start?.height} px high`);
      assert.deepEqual(await seriousAxeViolations(page), []);

      await page.getByRole('button', { name: 'Start recording now' }).tap();
      await page.getByRole('button', { name: 'Stop recording' }).waitFor();
      await page.waitForTimeout(2500);
      await page.getByRole('button', { name: 'Stop recording' }).tap();
      await page.getByText('Your answer is saved.').first().waitFor({ timeout: 30_000 });

      const [answer] = await serverAnswers(invited.candidate);
      const processed = await waitUntilProcessed(invited.staff, answer!.id);
      const review = await invited.staff.get(`/answers/${answer!.id}`);
      assert.equal(processed.status, 'ready', processed.error ?? '');
      // Portrait, as the phone is held. (Chromium's fake camera crops its 4K frames to the asked
      // aspect ratio without scaling them, so the size itself says nothing about real phones.)
      assert.ok(
        review.body.height > review.body.width,
        `${review.body.width}×${review.body.height}`,
      );
      await page.close();
    });
  });
});
