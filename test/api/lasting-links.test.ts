import assert from 'node:assert/strict';
import { Api, createInterview, tokenOf, waitForAnswer } from '../helpers/api.js';
import { linkIn, type TestSmtpServer } from '../helpers/smtp-server.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import {
  expectProblem,
  HOUR,
  REMINDERS_48H,
  recordClip,
  releaseFeedback,
  useClockedServer,
} from './support.js';

let people = 0;

for (const setup of BOTH_SETUPS) {
  describe(`Every emailed link keeps opening the invitation (${setup.name})`, function () {
    this.timeout(120_000);
    let smtp: TestSmtpServer;
    let server: TestServer;
    let admin: Api;

    const clock = useClockedServer(
      { ...setup, mailFrom: 'jobs@example.test', env: REMINDERS_48H },
      (s) => ({ server, admin, smtp } = s),
    );

    async function inviteOne(interviewId: string) {
      const email = `lasting-${++people}-${process.pid}@example.test`;
      const res = await admin.post(`/interviews/${interviewId}/invitations`, {
        candidates: [{ name: `Kim ${people}`, email }],
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const invitation = res.body.items[0];
      // Email on: the link goes to the candidate only (Teams: staff never hold it).
      assert.equal(invitation.url, undefined);
      await smtp.waitFor(() => smtp.to(email).length === 1);
      const link = linkIn(smtp.to(email)[0]!);
      return { invitation, email, link, original: new Api(server.url, tokenOf(link)) };
    }

    it('after feedback release the original link and the emailed one read it; after erasure both answer 404', async () => {
      const deadline = new Date(clock.now().getTime() + 72 * HOUR).toISOString();
      const interview = await createInterview(admin, {
        deadline,
        questions: [{ prompt: 'Tell us', thinkSeconds: 5, maxSeconds: 30, retakes: 0 }],
      });
      const { invitation, email, original } = await inviteOne(interview.id);
      const answer = await recordClip(original, interview.questions[0]!.id);
      assert.equal((await waitForAnswer(original, answer.id)).status, 'ready');
      assert.equal((await original.post('/candidate/finish')).status, 200);
      await smtp.waitFor(() => smtp.to(email).length === 2); // the receipt
      await releaseFeedback(admin, invitation.id, 'Thoughtful answers.');
      await smtp.waitFor(() => smtp.to(email).length === 3);
      const emailed = new Api(server.url, tokenOf(linkIn(smtp.to(email)[2]!)));

      // Days after the interview closed, both links open the feedback.
      clock.advance(5 * 24 * HOUR);
      for (const link of [original, emailed]) {
        const read = await link.get('/candidate/feedback');
        assert.equal(read.status, 200, JSON.stringify(read.body));
        assert.equal(read.body.summary, 'Thoughtful answers.');
      }

      const erased = await admin.request('DELETE', `/invitations/${invitation.id}`);
      assert.equal(erased.status, 204, JSON.stringify(erased.body));
      for (const link of [original, emailed]) {
        expectProblem(await link.get('/candidate/feedback'), 404, 'not_found');
        expectProblem(await link.get('/candidate/session'), 404, 'not_found');
      }
    });

    it('a reminder adds a link beside the first; a staff re-issue revokes both', async () => {
      const deadline = new Date(clock.now().getTime() + 10 * 24 * HOUR).toISOString();
      const interview = await createInterview(admin, { deadline });
      const { invitation, email, link, original } = await inviteOne(interview.id);

      clock.advance(8.5 * 24 * HOUR); // 36 hours left: the reminder goes out with a link
      await smtp.waitFor(() => smtp.to(email).length === 2);
      const reminded = linkIn(smtp.to(email)[1]!);
      assert.notEqual(reminded, link);
      const fromReminder = new Api(server.url, tokenOf(reminded));
      for (const link of [original, fromReminder]) {
        const session = await link.get('/candidate/session');
        assert.equal(session.status, 200, JSON.stringify(session.body));
      }

      // Email on: the new link is sent to the candidate, not shown (Teams).
      const reissued = await admin.post(`/invitations/${invitation.id}/link`);
      assert.equal(reissued.status, 202, JSON.stringify(reissued.body));
      assert.deepEqual(reissued.body, { status: 'sent' });
      for (const link of [original, fromReminder])
        expectProblem(await link.get('/candidate/session'), 401, 'unauthenticated');
      await smtp.waitFor(() => smtp.to(email).length === 3);
      const current = new Api(server.url, tokenOf(linkIn(smtp.to(email)[2]!)));
      assert.equal((await current.get('/candidate/session')).status, 200);
    });
  });
}
