/**
 * The mocha hooks that most browser end-to-end suites share: the real server and one Chromium,
 * started together before the suite and closed after it.
 */
import { type BrowserOptions, launchBrowser, type TestBrowser } from './browser.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

export interface ServerAndBrowser {
  readonly server: TestServer;
  readonly browser: TestBrowser;
}

export interface ServerAndBrowserOptions {
  /** Options of the server; a function when they depend on what an earlier hook started. */
  server?: TestServerOptions | (() => TestServerOptions);
  browser?: BrowserOptions;
}

/** Call inside a `describe`: tests read `.server` and `.browser` once the suite has started. */
export function serverAndBrowser(options: ServerAndBrowserOptions = {}): ServerAndBrowser {
  let server: TestServer | undefined;
  let browser: TestBrowser | undefined;
  before(async () => {
    const serverOptions =
      typeof options.server === 'function' ? options.server() : (options.server ?? {});
    [server, browser] = await Promise.all([
      startTestServer(serverOptions),
      launchBrowser(options.browser),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('serverAndBrowser: the server starts in the before hook');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('serverAndBrowser: the browser starts in the before hook');
      return browser;
    },
  };
}
