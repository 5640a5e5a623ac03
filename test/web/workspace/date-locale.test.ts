import assert from 'node:assert/strict';
import { launchBrowser, type TestBrowser } from '../../helpers/browser.js';
import { type Harness, sharedHarness } from './component-harness.js';

/** Issue 21: a British browser saw US dates ("Mar 12, 2031, 2:05 PM"). */
describe('shared formatters: dates in the browser’s regional variant of the language', function () {
  this.timeout(60_000);
  let harness: Harness;
  const browsers: TestBrowser[] = [];

  before(async () => {
    harness = await sharedHarness();
  });
  after(async () => {
    for (const browser of browsers) await browser.close();
  });

  /** What the staff and candidate formatters write in a browser set to `locale`, in `language`. */
  async function formatted(locale: string, language: 'en' | 'fr') {
    const browser = await launchBrowser({ locale, timezoneId: 'UTC' });
    browsers.push(browser);
    const page = await browser.newPage();
    await page.goto(`${harness.url}/`);
    await page.evaluate('window.__name = (f) => f');
    return page.evaluate(async (language) => {
      const w = window as any;
      await w.workspaceHarness.setLocale(language);
      const iso = '2031-03-12T14:05:00.000Z';
      return { staff: w.formatters.formatDateTime(iso), candidate: w.formatters.dateTime(iso) };
    }, language);
  }

  it('writes day, month, year and a 24-hour clock for an en-GB browser reading English', async () => {
    const { staff, candidate } = await formatted('en-GB', 'en');
    assert.equal(staff, '12 Mar 2031, 14:05');
    assert.equal(candidate, 'Wednesday, 12 March 2031 at 14:05');
  });

  it('keeps the US order for an en-US browser', async () => {
    const { staff } = await formatted('en-US', 'en');
    assert.equal(staff, 'Mar 12, 2031, 2:05 PM');
  });

  it('writes French dates when French is chosen on an en-GB browser', async () => {
    const { staff } = await formatted('en-GB', 'fr');
    assert.equal(staff, '12 mars 2031, 14:05');
  });
});
