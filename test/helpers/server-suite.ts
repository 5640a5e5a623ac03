/** The mocha hooks of an API suite: one real server for the suite, its administrator signed in. */
import { type Api, login } from './api.js';
import type { TestSmtpServer } from './smtp-server.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

export interface SignedInServer {
  server: TestServer;
  /** The first administrator (ADMIN), signed in. */
  admin: Api;
  /** The mail server receiving what it sends (only with the `mailFrom` option). */
  smtp: TestSmtpServer;
}

/**
 * Call inside a `describe`: starts the server before the suite's other `before` hooks that come
 * after this call, and stops it after the suite. `ready` receives it, to keep in the suite's
 * variables: `useTestServer({ database }, (s) => ({ server, admin } = s));`
 */
export function useTestServer(
  options: TestServerOptions | (() => TestServerOptions),
  ready: (started: SignedInServer) => void,
): void {
  let server: TestServer | undefined;
  before(async () => {
    server = await startTestServer(typeof options === 'function' ? options() : options);
    const started = server;
    ready({
      server,
      admin: await login(server.url),
      get smtp() {
        if (!started.smtp) throw new Error('useTestServer: no mail server without mailFrom');
        return started.smtp;
      },
    });
  });
  after(() => server?.stop());
}
