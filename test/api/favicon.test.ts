import assert from 'node:assert/strict';
import { useTestServer } from '../helpers/server-suite.js';
import type { TestServer } from '../helpers/test-server.js';

/** Browsers ask for /favicon.ico on their own: every page must name an icon that exists. */
describe('Pages: the site icon', () => {
  let server: TestServer;
  useTestServer({}, (started) => ({ server } = started));

  it('answers /favicon.ico with an image, not a 404', async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^image\//);
    assert.ok((await res.arrayBuffer()).byteLength > 0);
  });

  for (const pagePath of ['/', '/i/some-token', '/apply/some-programme']) {
    it(`links an icon that exists from ${pagePath}`, async () => {
      const html = await (await fetch(`${server.url}${pagePath}`)).text();
      const href = html.match(/<link rel="icon"[^>]*href="([^"]+)"/)?.[1];
      assert.ok(href, `an icon link in ${html.slice(0, 400)}`);
      const icon = await fetch(new URL(href, server.url));
      assert.equal(icon.status, 200);
      assert.match(icon.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    });
  }
});
