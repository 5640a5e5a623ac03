import assert from 'node:assert/strict';
import { Api, createInterview, tokenOf } from '../helpers/api.js';
import { linkIn, type TestSmtpServer } from '../helpers/smtp-server.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import { invitationsOf } from './programmes-support.js';
import { HOUR, REMINDERS_48H, useClockedServer } from './support.js';

let people = 0;
const person = (language?: 'en' | 'fr') => ({
  name: `Noor ${++people}`,
  email: `noor-${people}-${process.pid}@example.test`,
  ...(language ? { language } : {}),
});

for (const setup of BOTH_SETUPS) {
  describe(`Email: invitations, retries, reminders (${setup.name})`, function () {
    this.timeout(60_000);
    let smtp: TestSmtpServer;
    let server: TestServer;
    let admin: Api;

    const clock = useClockedServer(
      { ...setup, mailFrom: 'Hiring <jobs@example.test>', env: REMINDERS_48H },
      (s) => ({ server, admin, smtp } = s),
    );

    async function emailOf(interviewId: string, invitationId: string, status: string) {
      const end = Date.now() + 15_000;
      for (;;) {
        const email = (await invitationsOf(admin, interviewId)).find(
          (i) => i.id === invitationId,
        )?.email;
        if (email?.status === status) return email;
        if (Date.now() > end) throw new Error(`email ${JSON.stringify(email)}, wanted ${status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    it('emails each invited candidate their own link in their language (HTML + text, no tracking)', async () => {
      // Issue 21: the title too, where the organisers wrote it in French.
      const interview = await createInterview(admin, {
        translations: { fr: { title: 'Ingénieur support' } },
      });
      const [en, fr] = [person(), person('fr')];
      const res = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [en, fr],
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      await smtp.waitFor(() => smtp.to(en.email).length === 1 && smtp.to(fr.email).length === 1);
      const [mailEn] = smtp.to(en.email);
      const [mailFr] = smtp.to(fr.email);
      assert.match(mailEn!.subject, /^Your video interview: Support engineer$/);
      assert.match(mailFr!.subject, /^Votre entretien vidéo.*Ingénieur support$/);
      assert.equal(mailEn!.lang, 'en');
      assert.equal(mailFr!.lang, 'fr');
      assert.match(mailEn!.raw.from!.text, /jobs@example\.test/);
      for (const mail of [mailEn!, mailFr!]) {
        assert.doesNotMatch(mail.html, /<img|<script|utm_|pixel/i);
        assert.match(mail.html, /<title>/);
      }
      // The link goes to the candidate only: the create call answers none (Teams), and the
      // emailed one opens the interview.
      for (const item of res.body.items) assert.equal(item.url, undefined);
      for (const mail of [mailEn!, mailFr!]) {
        const session = await new Api(server.url, tokenOf(linkIn(mail))).get('/candidate/session');
        assert.equal(session.status, 200);
      }
      await emailOf(interview.id, res.body.items[0].id, 'sent');
    });

    it('sends nothing when the request says sendEmail: false', async () => {
      const interview = await createInterview(admin);
      const quiet = person();
      const res = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [quiet],
        sendEmail: false,
      });
      assert.equal(res.status, 201);
      assert.equal(res.body.items[0].email, null);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(smtp.to(quiet.email).length, 0);
    });

    it('flags and skips an email already invited (or repeated in the list) unless confirmed', async () => {
      const interview = await createInterview(admin);
      const [a, b] = [person(), person()];
      const first = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [a],
      });
      assert.equal(first.status, 201);
      const second = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [{ ...a, email: a.email.toUpperCase() }, b, b],
      });
      assert.equal(second.status, 201, JSON.stringify(second.body));
      assert.deepEqual(
        second.body.items.map((i: any) => i.candidate.email),
        [b.email],
      );
      assert.deepEqual(second.body.skipped, [
        { email: a.email, invitationId: first.body.items[0].id },
        { email: b.email, invitationId: null },
      ]);
      assert.equal((await invitationsOf(admin, interview.id)).length, 2);
      const confirmed = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [a],
        allowDuplicates: true,
      });
      assert.equal(confirmed.body.items.length, 1);
      assert.equal((await invitationsOf(admin, interview.id)).length, 3);
    });

    it('retries after the SMTP server refuses (451) and delivers once it accepts', async () => {
      const interview = await createInterview(admin);
      const c = person();
      smtp.refuse(c.email, 2, 451);
      const started = Date.now();
      const res = await admin.post(`/interviews/${interview.id}/invitations`, { candidates: [c] });
      assert.equal(res.status, 201);
      assert.ok(Date.now() - started < 5000, 'the API call did not wait for the mail server');
      const email = await emailOf(interview.id, res.body.items[0].id, 'sent');
      assert.equal(email.error, null);
      assert.equal(smtp.to(c.email).length, 1, 'delivered exactly once');
    });

    it('records a final failure with the SMTP reply, shown on the invitation', async () => {
      const interview = await createInterview(admin);
      const [gone, later] = [person(), person()];
      smtp.refuse(gone.email, 1, 550);
      const res = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [gone],
      });
      const failed = await emailOf(interview.id, res.body.items[0].id, 'failed');
      assert.match(failed.error, /550/);
      assert.match(failed.error, /Mailbox unavailable/);
      assert.doesNotMatch(JSON.stringify(failed), /jobs@|smtp:\/\//);

      // Temporary refusals beyond the retries end failed as well, with the last reply.
      smtp.refuse(later.email, 10, 451);
      const res2 = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [later],
      });
      const failed2 = await emailOf(interview.id, res2.body.items[0].id, 'failed');
      assert.match(failed2.error, /451/);
      assert.equal(smtp.to(later.email).length, 0);
    });

    it('reminds once, REMINDER_HOURS before expiry, with a fresh link for an unopened invitation', async () => {
      const deadline = new Date(clock.now().getTime() + 10 * 24 * HOUR).toISOString();
      const interview = await createInterview(admin, { deadline });
      const [unopened, started] = [person('fr'), person()];
      const invited = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [unopened, started],
      });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      await smtp.waitFor(
        () => smtp.to(unopened.email).length === 1 && smtp.to(started.email).length === 1,
      );
      const inv1 = { url: linkIn(smtp.to(unopened.email)[0]!) };
      const startedApi = new Api(server.url, tokenOf(linkIn(smtp.to(started.email)[0]!)));
      assert.equal((await startedApi.get('/candidate/session')).status, 200);
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(smtp.to(unopened.email).length, 1, 'no reminder 10 days before');

      clock.advance(8.5 * 24 * HOUR); // 36 hours left
      await smtp.waitFor(
        () => smtp.to(unopened.email).length === 2 && smtp.to(started.email).length === 2,
      );
      await new Promise((r) => setTimeout(r, 2500)); // two more sweeps
      assert.equal(smtp.to(unopened.email).length, 2, 'once');
      assert.equal(smtp.to(started.email).length, 2, 'once');

      const reminder = smtp.to(unopened.email)[1]!;
      assert.match(reminder.subject, /^Rappel/);
      const fresh = linkIn(reminder);
      assert.notEqual(fresh, inv1.url);
      assert.equal(
        (await new Api(server.url, tokenOf(fresh)).get('/candidate/session')).status,
        200,
      );
      // A started candidate keeps the link they use; the reminder does not carry a new one.
      const startedReminder = smtp.to(started.email)[1]!;
      assert.match(startedReminder.subject, /^Reminder/);
      assert.doesNotMatch(startedReminder.text, /\/i\//);
      assert.equal((await startedApi.get('/candidate/session')).status, 200);
    });
  });
}
