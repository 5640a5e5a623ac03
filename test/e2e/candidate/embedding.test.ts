import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenOf } from '../../helpers/api.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import {
  inviteCandidate,
  serverAnswers,
  skipPractice,
  startAnswer,
  stopAnswer,
} from './support.js';

describe('candidate recorder: embedded in another site', function () {
  this.timeout(60_000);
  const e2e = serverAndBrowser();

  it('records across origins with token and api-base, and reports its events', async () => {
    const invited = await inviteCandidate(e2e.server);
    const token = tokenOf(invited.url);
    // Another site: its own server (another origin, same machine so still a secure context).
    const site = await serveSite(`<!doctype html><html lang="en"><title>Careers</title>
      <script type="module" src="${e2e.server.url}/assets/app.js"></script>
      <main><interview-recorder token="${token}" api-base="${e2e.server.url}"></interview-recorder></main>
      <script>
        window.seen = [];
        for (const type of ['step-change', 'answer-submitted', 'interview-finished']) {
          document.addEventListener(type, (e) => window.seen.push(type + ':' + (e.detail.step ?? e.detail.status ?? '')));
        }
      </script>`);
    const page = await e2e.browser.newPage();
    await page.goto(`${site.url}/careers/apply`);
    await page.getByRole('checkbox', { name: /I agree to be recorded/ }).check();
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    await page.getByRole('button', { name: 'Everything works: continue' }).click();
    await skipPractice(page);
    await startAnswer(page);
    await page.waitForTimeout(2000);
    await stopAnswer(page);
    await page.getByRole('button', { name: 'Finish the interview' }).click();
    await page.getByRole('heading', { name: 'Thank you, Candidate 1!' }).waitFor();

    const [answer] = await serverAnswers(invited.candidate);
    assert.equal(answer!.status === 'processing' || answer!.status === 'ready', true);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.deepEqual(seen, [
      'step-change:loading',
      'step-change:welcome',
      'step-change:devices',
      'step-change:practice',
      'step-change:question',
      'answer-submitted:processing',
      'step-change:finishing',
      'interview-finished:',
      'step-change:finished',
    ]);
    await page.close();
    site.close();
  });
});

/** A one-page web site on its own port. */
async function serveSite(html: string): Promise<{ url: string; close(): void }> {
  const site: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const { port } = site.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => site.close() };
}
