import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createInterview, inviteOne, login } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Issue 20, finding 10: a candidate link's token never reaches the log, however it is spelt. */
describe('the request log and candidate links', function () {
  this.timeout(60_000);
  let server: TestServer;
  const logText: string[] = [];

  before(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logText.push(String(chunk));
        done();
      },
    });
    server = await startTestServer({ log: pino({ level: 'debug' }, sink) });
  });
  after(() => server?.stop());

  it('logs no token from /i/<token> in any case or encoding, whether the page is served or not', async () => {
    const admin = await login(server.url);
    const interview = await createInterview(admin);
    const { invitation } = await inviteOne(admin, interview.id);
    const token = new URL(invitation.url!).pathname.split('/').pop()!;
    const spellings = [
      `/i/${token}`,
      `/I/${token}`,
      `/I/${token}/`,
      `/%49/${token}`,
      `/%69/${token}`,
      `//i/${token}`,
      `/i/${token}?lang=fr`,
      `/S/${token}`,
    ];
    for (const path of spellings) {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
    }
    const seen = logText.join('');
    assert.match(seen, /"path":"\/i\/\[token\]"/);
    assert.ok(!seen.includes(token), 'a candidate token was logged');
    assert.ok(!seen.includes(token.slice(0, 20)), 'part of a candidate token was logged');
  });
});
