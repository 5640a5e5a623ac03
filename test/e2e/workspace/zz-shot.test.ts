import { createInterview, login } from '../../helpers/api.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { openSignedInAs, tabShowingErrors } from './support.js';

describe('screenshot (scratch)', function () {
  this.timeout(120_000);
  const e2e = serverAndBrowser({ browser: { viewport: { width: 1280, height: 800 } } });
  it('shoots', async () => {
    const admin = await login(e2e.server.url);
    const interview = await createInterview(admin, {
      translations: { fr: { title: 'Ingénieur support' } },
      questions: [
        { prompt: 'Why does this role interest you?', thinkSeconds: 30, maxSeconds: 60, retakes: 1,
          translations: { fr: { prompt: 'Pourquoi ce poste vous intéresse-t-il ?' } } },
        { prompt: 'Tell us about a problem you solved.', thinkSeconds: 30, maxSeconds: 60, retakes: 1 },
      ],
    });
    for (const [w, h] of [[1280, 800], [360, 740]] as const) {
      const page = await tabShowingErrors(e2e.browser);
      await page.setViewportSize({ width: w, height: h });
      await openSignedInAs(page, e2e.server.url, admin);
      await page.goto(`${e2e.server.url}/#/interviews/${interview.id}/edit`);
      await page.getByLabel('Question asked').first().waitFor();
      await page.screenshot({ path: `/tmp/i21/editor-${w}.png` });
      await page.getByLabel('Question asked').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/i21/editor-${w}-q.png` });
      await page.screenshot({ path: `/tmp/i21/editor-${w}-full.png`, fullPage: true });
      await page.close();
    }
  });
});
