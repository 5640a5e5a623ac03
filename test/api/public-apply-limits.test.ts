import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Api, login, tokenOf } from '../helpers/api.js';
import { linkIn, TestSmtpServer } from '../helpers/smtp-server.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { applicant, applyAs, createProgramme, invitationsOf } from './programmes-support.js';
import { expectInvalid, expectProblem } from './support.js';

/** Application mails written to the outbox (sent or not) for one address. */
async function outboxFor(server: TestServer, email: string): Promise<number> {
  const rows = await server.deps.db
    .selectFrom('emailOutbox')
    .select('id')
    .where('toAddress', '=', email)
    .execute();
  return rows.length;
}

const sessionStatus = async (server: TestServer, url: string) =>
  (await new Api(server.url, tokenOf(url)).get('/candidate/session')).status;

/** API.md "Public apply: what a stranger can do" (issue 20, findings 3, 4 and 5). */
for (const setup of BOTH_SETUPS) {
  describe(`Public apply: what a stranger can do (${setup.database})`, function () {
    this.timeout(90_000);
    let smtp: TestSmtpServer;
    let server: TestServer;
    let admin: Api;

    before(async () => {
      smtp = await new TestSmtpServer().start();
      server = await startTestServer({
        ...setup,
        env: { SMTP_URL: smtp.url, MAIL_FROM: 'Programme <jobs@example.test>', TRUST_PROXY: '1' },
      });
      admin = await login(server.url);
    });
    after(async () => {
      await server?.stop();
      await smtp?.close();
    });

    it('re-applying with a started candidate’s email keeps their links and sends one more, at most 3 per 24 h', async () => {
      const { slug } = await createProgramme(admin, new Date());
      const body = applicant();
      const email = body.email as string;
      assert.equal((await applyAs(server.url, slug, body)).status, 202);
      await smtp.waitFor(() => smtp.to(email).length === 1);
      const first = linkIn(smtp.to(email)[0]!);
      assert.equal(await sessionStatus(server, first), 200, 'the candidate starts');

      for (let i = 2; i <= 4; i++) {
        const again = await applyAs(server.url, slug, body);
        assert.equal(again.status, 202);
        await smtp.waitFor(() => smtp.to(email).length === i);
      }
      const links = smtp.to(email).map(linkIn);
      assert.equal(new Set(links).size, 4);
      for (const link of links) assert.equal(await sessionStatus(server, link), 200, link);

      // A fourth re-send within 24 h: the same answer, nothing written, nothing sent.
      const beyond = await applyAs(server.url, slug, body);
      assert.equal(beyond.status, 202);
      assert.deepEqual(beyond.body, { status: 'sent' });
      assert.equal(await outboxFor(server, email), 4);
      assert.equal(await sessionStatus(server, first), 200);
    });

    it('the first mail does not carry the name a stranger typed', async () => {
      const { slug } = await createProgramme(admin, new Date());
      const name = 'Urgent: verify your account at https://evil.example/login';
      const body = applicant({ name });
      assert.equal((await applyAs(server.url, slug, body)).status, 202);
      await smtp.waitFor(() => smtp.to(body.email as string).length === 1);
      const [mail] = smtp.to(body.email as string);
      assert.ok(!mail!.text.includes('evil.example'), mail!.text);
      assert.ok(!mail!.html.includes('evil.example'));
      assert.ok(!mail!.subject.includes('evil.example'));
      assert.match(mail!.text, /^Hello,/);
    });

    it('name follows the staff text rules and eligibility holds only the programme’s keys (400, nothing stored)', async () => {
      const { interview, slug } = await createProgramme(admin, new Date());
      for (const name of [
        'Eve\r\nBcc: x@example.test',
        'Eve\u0000',
        'Eve\u0007',
        'Eve\u202Egnp.exe',
      ]) {
        expectInvalid(await applyAs(server.url, slug, applicant({ name })), 'name');
      }
      const extra = applicant({
        eligibility: { 'right-to-work': true, 'under-26': true, padding: true },
      });
      expectInvalid(await applyAs(server.url, slug, extra), 'eligibility.padding');
      const many = Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [`k${i}`.padEnd(40, 'x'), true]),
      );
      const bloated = applicant({
        eligibility: { 'right-to-work': true, 'under-26': true, ...many },
      });
      expectProblem(await applyAs(server.url, slug, bloated), 400, 'invalid_request');
      assert.deepEqual(await invitationsOf(admin, interview.id), []);
    });
  });

  describe(`Public apply: mail ceilings per programme and overall (${setup.database})`, function () {
    this.timeout(90_000);
    let smtp: TestSmtpServer;
    let server: TestServer;
    let admin: Api;
    const lines: Record<string, unknown>[] = [];

    before(async () => {
      smtp = await new TestSmtpServer().start();
      const sink = new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).split('\n').filter(Boolean))
            lines.push(JSON.parse(line));
          done();
        },
      });
      server = await startTestServer({
        ...setup,
        log: pino({ level: 'warn' }, sink),
        env: {
          SMTP_URL: smtp.url,
          MAIL_FROM: 'Programme <jobs@example.test>',
          TRUST_PROXY: '1',
          APPLICATION_MAILS_PER_PROGRAMME_PER_HOUR: '3',
          APPLICATION_MAILS_PER_HOUR: '5',
        },
      });
      admin = await login(server.url);
    });
    after(async () => {
      await server?.stop();
      await smtp?.close();
    });

    it('refuses applications (429, nothing stored) once a programme, then the server, sent its hour’s mail; warns', async () => {
      const a = await createProgramme(admin, new Date());
      const b = await createProgramme(admin, new Date());
      for (let i = 0; i < 3; i++)
        assert.equal((await applyAs(server.url, a.slug, applicant())).status, 202);
      const capped = applicant();
      expectProblem(await applyAs(server.url, a.slug, capped), 429, 'rate_limited');
      assert.equal(await outboxFor(server, capped.email as string), 0);
      assert.equal((await invitationsOf(admin, a.interview.id)).length, 3);

      // Programme b has its own ceiling, but the server's (5) comes first.
      for (let i = 0; i < 2; i++)
        assert.equal((await applyAs(server.url, b.slug, applicant())).status, 202);
      expectProblem(await applyAs(server.url, b.slug, applicant()), 429, 'rate_limited');
      assert.equal((await invitationsOf(admin, b.interview.id)).length, 2);

      const warnings = lines.filter((l) => l.event === 'application_mail.capped');
      assert.deepEqual(
        warnings.map((w) => w.setting),
        ['APPLICATION_MAILS_PER_PROGRAMME_PER_HOUR', 'APPLICATION_MAILS_PER_HOUR'],
      );
      await smtp.waitFor((mails) => mails.length === 5);
    });
  });
}
