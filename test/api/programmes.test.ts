import assert from 'node:assert/strict';
import { Api, login, tokenOf } from '../helpers/api.js';
import { linkIn, TestSmtpServer } from '../helpers/smtp-server.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  applicant,
  applyAs,
  createProgramme,
  invitationsOf,
  newAddress,
} from './programmes-support.js';
import { Clock, expectInvalid, expectProblem, staffUser } from './support.js';

const SETUPS = [
  { name: 'SQLite + local disk', database: 'sqlite', storage: 'local' },
  { name: 'PostgreSQL + s3rver', database: 'postgres', storage: 's3' },
] as const;

for (const setup of SETUPS) {
  describe(`Programmes: public apply link (${setup.name})`, function () {
    this.timeout(60_000);
    const clock = new Clock();
    let smtp: TestSmtpServer;
    let server: TestServer;
    let noMail: TestServer;
    let admin: Api;
    let adminNoMail: Api;

    before(async () => {
      smtp = await new TestSmtpServer().start();
      server = await startTestServer({
        database: setup.database,
        storage: setup.storage,
        now: clock.now,
        env: {
          SMTP_URL: smtp.url,
          MAIL_FROM: 'Programme <jobs@example.test>',
          TRUST_PROXY: '1',
        },
      });
      noMail = await startTestServer({
        database: setup.database,
        now: clock.now,
        env: { TRUST_PROXY: '1' },
      });
      admin = await login(server.url);
      adminNoMail = await login(noMail.url);
    });
    afterEach(() => clock.reset());
    after(async () => {
      await server?.stop();
      await noMail?.stop();
      await smtp?.close();
    });

    it('shows an enabled programme without its required answers; 404 when disabled or unknown', async () => {
      const { interview, slug } = await createProgramme(admin, clock.now());
      const res = await new Api(server.url).get(`/public/programmes/${slug}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.title, interview.title);
      assert.deepEqual(
        res.body.locations.map((l: any) => [l.key, l.open]),
        [
          ['paris', true],
          ['lille', true],
          ['lyon', false],
        ],
      );
      assert.deepEqual(Object.keys(res.body.eligibility[0]).sort(), ['key', 'prompt']);
      assert.ok(!JSON.stringify(res.body).includes('requiredAnswer'));
      assert.equal(typeof res.body.consentText, 'string');
      // The interview echoes its settings to staff.
      assert.equal((await admin.get(`/interviews/${interview.id}`)).body.public.slug, slug);

      const off = await admin.request('PATCH', `/interviews/${interview.id}`, {
        public: { ...interview.public, enabled: false },
      });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      expectProblem(await new Api(server.url).get(`/public/programmes/${slug}`), 404, 'not_found');
      expectProblem(
        await new Api(server.url).get('/public/programmes/no-such-thing'),
        404,
        'not_found',
      );
    });

    it('refuses a slug another interview uses (409 slug_taken)', async () => {
      const { interview, slug } = await createProgramme(admin, clock.now());
      const res = await admin.post('/interviews', {
        title: 'Other',
        questions: [{ prompt: 'Q', thinkSeconds: 5, maxSeconds: 30, retakes: 0 }],
        public: { ...interview.public, slug },
      });
      expectProblem(res, 409, 'slug_taken');
    });

    it('an eligible application gets its link by email, in its language; the link opens the interview', async () => {
      const { interview, slug } = await createProgramme(admin, clock.now());
      const body = applicant({ language: 'fr', locationKey: 'lille' });
      const res = await applyAs(server.url, slug, body);
      assert.equal(res.status, 202, JSON.stringify(res.body));
      assert.deepEqual(res.body, { status: 'sent' });
      await smtp.waitFor(() => smtp.to(body.email as string).length === 1);
      const [mail] = smtp.to(body.email as string);
      assert.match(mail!.subject, /Votre candidature/);
      assert.equal(mail!.lang, 'fr');
      assert.doesNotMatch(mail!.html, /<img/i, 'no tracking pixel');
      const url = linkIn(mail!);
      assert.ok(mail!.html.includes(url), 'the HTML carries the same link');
      const session = await new Api(server.url, tokenOf(url)).get('/candidate/session');
      assert.equal(session.status, 200, JSON.stringify(session.body));

      const [invitation] = await invitationsOf(admin, interview.id);
      assert.equal(invitation.source, 'applied');
      assert.deepEqual(invitation.location, { key: 'lille', name: 'Lille' });
      assert.equal(invitation.language, 'fr');
      assert.equal(invitation.duplicateOf, null);
      // The invitation closes with Lille's deadline.
      assert.equal(invitation.expiresAt, interview.public!.locations[1]!.deadline);
      await waitForEmailStatus(admin, interview.id, invitation.id, 'sent');
    });

    it('refuses an ineligible applicant kindly (422) and stores nothing', async () => {
      const { interview, slug } = await createProgramme(admin, clock.now());
      const res = await applyAs(
        server.url,
        slug,
        applicant({ eligibility: { 'right-to-work': false, 'under-26': true } }),
      );
      const problem = expectProblem(res, 422, 'not_eligible');
      assert.match(problem.detail, /Thank you/);
      assert.deepEqual(await invitationsOf(admin, interview.id), []);
    });

    it('400 for a missing answer or no consent; 410 past the location deadline', async () => {
      const { interview, slug } = await createProgramme(admin, clock.now());
      expectInvalid(
        await applyAs(server.url, slug, applicant({ eligibility: { 'right-to-work': true } })),
        'eligibility.under-26',
      );
      expectInvalid(await applyAs(server.url, slug, applicant({ consent: false })), 'consent');
      expectProblem(
        await applyAs(server.url, slug, applicant({ locationKey: 'lyon' })),
        410,
        'expired',
      );
      // Lille closes in 10 days; 11 days later Paris is still open, Lille is not.
      clock.advance(11 * 24 * 3600 * 1000);
      expectProblem(
        await applyAs(server.url, slug, applicant({ locationKey: 'lille' })),
        410,
        'expired',
      );
      assert.equal((await applyAs(server.url, slug, applicant())).status, 202);
      assert.equal((await invitationsOf(admin, interview.id)).length, 1);
    });

    it('the same email applying again gets a fresh link for the same invitation; the old link stops', async () => {
      const { interview, slug } = await createProgramme(admin, clock.now());
      const body = applicant();
      assert.equal((await applyAs(server.url, slug, body)).status, 202);
      await smtp.waitFor(() => smtp.to(body.email as string).length === 1);
      const again = await applyAs(server.url, slug, { ...body, name: 'Someone Else' });
      assert.equal(again.status, 202);
      assert.deepEqual(
        again.body,
        { status: 'sent' },
        'the same answer: nobody learns who applied',
      );
      await smtp.waitFor(() => smtp.to(body.email as string).length === 2);
      const [first, second] = smtp.to(body.email as string).map(linkIn);
      assert.notEqual(first, second);
      assert.equal(
        (await new Api(server.url, tokenOf(first!)).get('/candidate/session')).status,
        401,
      );
      assert.equal(
        (await new Api(server.url, tokenOf(second!)).get('/candidate/session')).status,
        200,
      );
      const items = await invitationsOf(admin, interview.id);
      assert.equal(items.length, 1);
      assert.equal(items[0].candidate.name, body.name, 'the second form did not rename anyone');
    });

    it('without email: 201 with the link; a repeated email gets its own invitation marked duplicateOf', async () => {
      const { interview, slug } = await createProgramme(adminNoMail, clock.now());
      const body = applicant();
      const first = await applyAs(noMail.url, slug, body);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body.status, 'created');
      assert.equal(
        (await new Api(noMail.url, tokenOf(first.body.url)).get('/candidate/session')).status,
        200,
      );
      const second = await applyAs(noMail.url, slug, body);
      assert.equal(second.status, 201);
      // The first link still works: a link is never handed again to whoever asks.
      assert.equal(
        (await new Api(noMail.url, tokenOf(first.body.url)).get('/candidate/session')).status,
        200,
      );
      const items = await invitationsOf(adminNoMail, interview.id);
      assert.equal(items.length, 2);
      assert.equal(items[0].duplicateOf, null);
      assert.equal(items[1].duplicateOf, items[0].id);
      assert.equal(items[1].email, null, 'nothing was emailed');
    });

    it('the honeypot: a filled hidden field is answered like success and stores nothing', async () => {
      const { interview, slug } = await createProgramme(admin, clock.now());
      const res = await applyAs(server.url, slug, applicant({ website: 'http://spam.example' }));
      assert.equal(res.status, 202);
      assert.deepEqual(await invitationsOf(admin, interview.id), []);
    });

    it('429 after 10 application requests from one address in 10 minutes, whatever their outcome', async () => {
      const { slug } = await createProgramme(admin, clock.now());
      const address = newAddress();
      for (let i = 0; i < 10; i++) {
        const res = await applyAs(server.url, slug, applicant({ consent: i % 2 === 0 }), address);
        assert.notEqual(res.status, 429, `request ${i + 1}`);
      }
      const limited = await applyAs(server.url, slug, applicant(), address);
      expectProblem(limited, 429, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal(
        (await applyAs(server.url, slug, applicant())).status,
        202,
        'another address is served',
      );
    });

    it('only organisers set programmes; reviewers cannot see invitations', async () => {
      const reviewer = await staffUser(admin, 'reviewer');
      const { interview } = await createProgramme(admin, clock.now());
      expectProblem(
        await reviewer.request('PATCH', `/interviews/${interview.id}`, {
          public: interview.public,
        }),
        403,
        'forbidden',
      );
      expectProblem(
        await reviewer.get(`/interviews/${interview.id}/invitations`),
        403,
        'forbidden',
      );
    });
  });
}

async function waitForEmailStatus(
  admin: Api,
  interviewId: string,
  invitationId: string,
  status: string,
): Promise<any> {
  const end = Date.now() + 15_000;
  for (;;) {
    const items = await invitationsOf(admin, interviewId);
    const email = items.find((i) => i.id === invitationId)?.email;
    if (email?.status === status) return email;
    if (Date.now() > end)
      throw new Error(`email status ${JSON.stringify(email)}, wanted ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
