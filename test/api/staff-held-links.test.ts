import assert from 'node:assert/strict';
import { Api, createInterview, login, tokenOf } from '../helpers/api.js';
import { linkIn, TestSmtpServer } from '../helpers/smtp-server.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { staffUser } from './support.js';
import { userIdOf } from './teams-support.js';

/**
 * Issue 20 item 2 (API.md "Teams"): with email on, staff never hold a candidate's link; with
 * email off, what is done through a link staff were handed is audited as such (`via`).
 */
let people = 0;
const person = () => ({
  name: `Ada ${++people}`,
  email: `ada-${people}-${process.pid}@example.test`,
});

async function trailOf(admin: Api, invitationId: string) {
  const res = await admin.get(`/audit?invitationId=${invitationId}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items as any[];
}

for (const setup of BOTH_SETUPS) {
  describe(`Staff-held candidate links (${setup.database})`, function () {
    this.timeout(60_000);
    let smtp: TestSmtpServer;
    let mailing: TestServer;
    let quiet: TestServer;

    before(async () => {
      smtp = await new TestSmtpServer().start();
      mailing = await startTestServer({
        ...setup,
        env: { SMTP_URL: smtp.url, MAIL_FROM: 'Hiring <jobs@example.test>' },
      });
      quiet = await startTestServer(setup);
    });
    after(async () => {
      await mailing?.stop();
      await quiet?.stop();
      await smtp?.close();
    });

    it('email off: a recruiter’s re-issued link works, and export and erasure through it name the recruiter', async () => {
      const admin = await login(quiet.url);
      const recruiter = await staffUser(admin, 'recruiter', 'Rosa');
      const interview = await createInterview(recruiter);
      const invited = await recruiter.post(`/interviews/${interview.id}/invitations`, {
        candidates: [person()],
      });
      const invitation = invited.body.items[0];
      const reissued = await recruiter.post(`/invitations/${invitation.id}/link`);
      assert.equal(reissued.status, 200, JSON.stringify(reissued.body));
      const link = new Api(quiet.url, tokenOf(reissued.body.url));
      assert.equal((await link.get('/candidate/export')).status, 200);
      assert.equal((await link.post('/candidate/erase', { confirm: true })).status, 202);

      const trail = await trailOf(admin, invitation.id);
      const issuedBy = { id: await userIdOf(recruiter), name: 'Rosa' };
      const erased = trail.find((e) => e.action === 'candidate.erased');
      const exported = trail.find((e) => e.action === 'candidate.exported');
      assert.ok(erased && exported, JSON.stringify(trail));
      // Not the candidate's own act: the link was in a recruiter's hands.
      assert.deepEqual(erased.via, { issuedBy });
      assert.deepEqual(exported.via, { issuedBy });
    });

    it('email off: the first link answered to staff is staff-held too', async () => {
      const admin = await login(quiet.url);
      const interview = await createInterview(admin);
      const invited = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [person()],
      });
      const invitation = invited.body.items[0];
      const link = new Api(quiet.url, tokenOf(invitation.url));
      assert.equal((await link.get('/candidate/export')).status, 200);
      const exported = (await trailOf(admin, invitation.id)).find(
        (e) => e.action === 'candidate.exported',
      );
      assert.equal(exported.via.issuedBy.id, await userIdOf(admin));
    });

    it('email on: a re-issued link is sent to the candidate (202 sent), never shown; their own acts carry no via', async () => {
      const admin = await login(mailing.url);
      const recruiter = await staffUser(admin, 'recruiter', 'Remy');
      const interview = await createInterview(recruiter);
      const who = person();
      const invited = await recruiter.post(`/interviews/${interview.id}/invitations`, {
        candidates: [who],
      });
      assert.equal(invited.status, 201);
      const invitation = invited.body.items[0];
      assert.equal(invitation.url, undefined, 'no link in the answer');
      await smtp.waitFor(() => smtp.to(who.email).length === 1);
      const first = new Api(mailing.url, tokenOf(linkIn(smtp.to(who.email)[0]!)));
      assert.equal((await first.get('/candidate/session')).status, 200);

      const reissued = await recruiter.post(`/invitations/${invitation.id}/link`);
      assert.equal(reissued.status, 202);
      assert.deepEqual(reissued.body, { status: 'sent' });
      await smtp.waitFor(() => smtp.to(who.email).length === 2);
      assert.equal((await first.get('/candidate/session')).status, 401, 'the old link ended');
      const current = new Api(mailing.url, tokenOf(linkIn(smtp.to(who.email)[1]!)));
      assert.equal((await current.get('/candidate/export')).status, 200);
      assert.equal((await current.post('/candidate/erase', { confirm: true })).status, 202);
      const trail = await trailOf(admin, invitation.id);
      const erased = trail.find((e) => e.action === 'candidate.erased');
      assert.equal(erased.actor.type, 'candidate');
      assert.equal(erased.via, undefined);
      assert.equal(trail.find((e) => e.action === 'candidate.exported').via, undefined);
    });

    it('email on with sendEmail: false: the link is answered, and acts through it carry via', async () => {
      const admin = await login(mailing.url);
      const interview = await createInterview(admin);
      const who = person();
      const invited = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [who],
        sendEmail: false,
      });
      const invitation = invited.body.items[0];
      assert.match(invitation.url, /\/i\//);
      const link = new Api(mailing.url, tokenOf(invitation.url));
      assert.equal((await link.post('/candidate/erase', { confirm: true })).status, 202);
      const erased = (await trailOf(admin, invitation.id)).find(
        (e) => e.action === 'candidate.erased',
      );
      assert.equal(erased.via.issuedBy.id, await userIdOf(admin));
      assert.equal(smtp.to(who.email).length, 0);
    });
  });
}
