/**
 * The mocha hooks of a browser suite that brings its own server (or none): one Chromium for the
 * suite, and every page a test opens closed after that test, so a failed test leaves no page behind.
 */
import type { Page } from 'playwright-core';
import { type BrowserOptions, launchBrowser, type TestBrowser } from './browser.js';

export interface BrowserSuite {
  readonly browser: TestBrowser;
  /** A new page of the suite's browser, closed after the test that opened it. */
  newPage(): Promise<Page>;
}

/** Call inside a `describe`: tests read `.browser` or call `.newPage()` once the suite has started. */
export function useBrowser(options: BrowserOptions = {}): BrowserSuite {
  let browser: TestBrowser | undefined;
  const open: Page[] = [];
  before(async () => {
    browser = await launchBrowser(options);
  });
  afterEach(async () => {
    for (const page of open.splice(0)) await page.close();
  });
  after(async () => {
    await browser?.close();
  });
  const started = () => {
    if (!browser) throw new Error('useBrowser: the browser starts in the before hook');
    return browser;
  };
  return {
    get browser() {
      return started();
    },
    async newPage() {
      const page = await started().newPage();
      open.push(page);
      return page;
    },
  };
}
