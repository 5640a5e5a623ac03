import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { type Api, createInterview, login } from '../helpers/api.js';
import { TestSmtpServer } from '../helpers/smtp-server.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { invitationsOf } from './programmes-support.js';

let people = 0;
const person = () => ({
  name: `Ines ${++people}`,
  email: `ines-${people}-${process.pid}@example.test`,
});

/** Issue 20, findings 6 (SMTP replies name the recipient) and 8 (failed mails keep the link). */
for (const setup of BOTH_SETUPS) {
  describe(`Email leftovers after a failure (${setup.database})`, function () {
    this.timeout(60_000);
    let smtp: TestSmtpServer;
    let server: TestServer;
    let admin: Api;
    const logText: string[] = [];

    before(async () => {
      smtp = await new TestSmtpServer().start();
      const sink = new Writable({
        write(chunk, _encoding, done) {
          logText.push(String(chunk));
          done();
        },
      });
      server = await startTestServer({
        ...setup,
        log: pino({ level: 'debug' }, sink),
        env: { SMTP_URL: smtp.url, MAIL_FROM: 'Hiring <jobs@example.test>' },
      });
      admin = await login(server.url);
    });
    after(async () => {
      await server?.stop();
      await smtp?.close();
    });

    async function failedEmail(interviewId: string, invitationId: string) {
      const end = Date.now() + 15_000;
      for (;;) {
        const email = (await invitationsOf(admin, interviewId)).find(
          (i) => i.id === invitationId,
        )?.email;
        if (email?.status === 'failed') return email;
        if (Date.now() > end) throw new Error(`email ${JSON.stringify(email)}, wanted failed`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    for (const code of [550, 451]) {
      it(`a mail that fails for good (${code}) keeps neither the recipient nor the link, in the database or the log`, async () => {
        const interview = await createInterview(admin);
        const c = person();
        smtp.refuse(
          c.email,
          10,
          code,
          `5.1.1 <${c.email}>: Recipient address rejected: User unknown (${c.email.toUpperCase()})`,
        );
        const res = await admin.post(`/interviews/${interview.id}/invitations`, {
          candidates: [c],
        });
        assert.equal(res.status, 201);
        const invitationId = res.body.items[0].id;
        const token = new URL(res.body.items[0].url).pathname.split('/').pop()!;
        const failed = await failedEmail(interview.id, invitationId);
        assert.match(failed.error, /Recipient address rejected/, 'staff still read why');
        assert.ok(!failed.error.toLowerCase().includes(c.email), failed.error);

        const outbox = await server.deps.db
          .selectFrom('emailOutbox')
          .selectAll()
          .where('invitationId', '=', invitationId)
          .execute();
        assert.equal(outbox.length, 1);
        const stored = JSON.stringify(outbox).toLowerCase();
        assert.ok(!stored.includes(token.toLowerCase()), 'no working link kept in a failed mail');
        // The address the mail was for stays in its own column (erased with the invitation).
        assert.ok(!(outbox[0]!.lastError ?? '').toLowerCase().includes(c.email));
        const jobs = await server.deps.db.selectFrom('jobs').select('lastError').execute();
        for (const job of jobs) {
          assert.ok(!(job.lastError ?? '').toLowerCase().includes(c.email), job.lastError!);
        }
        const log = logText.join('').toLowerCase();
        assert.ok(!log.includes(c.email), 'the log names no recipient');
        assert.ok(!log.includes(token.toLowerCase()), 'the log carries no link');
      });
    }
  });
}
