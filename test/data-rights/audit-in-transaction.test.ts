import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { expectProblem, recordReadyClip, staffUser } from '../api/support.js';
import { type Api, createInterview, inviteOne, login, QUESTIONS } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import type { TestServer } from '../helpers/test-server.js';

/**
 * An audited write and its audit entry are one transaction: when the entry cannot be stored, the
 * write does not happen either (and the caller is told), so the trail never misses a change.
 * The database is made to refuse audit rows with a trigger; reads stay batched and are not held
 * up by the trail.
 */
for (const database of ['sqlite', 'postgres'] as const) {
  describe(`audited writes without their audit entry (${database})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let admin: Api;
    let candidate: Api;
    let invitationId: string;
    let interviewId: string;
    let answerId: string;
    let colleague: { id: string; email: string };
    /** A candidate who has not finished: their link can be replaced. */
    let waiting: { invitationId: string; candidate: Api };

    useTestServer({ database }, (s) => ({ server, admin } = s));

    before(async () => {
      const interview = await createInterview(admin, { questions: [QUESTIONS[0]] });
      interviewId = interview.id;
      const invited = await inviteOne(admin, interview.id);
      candidate = invited.candidate;
      invitationId = invited.invitation.id;
      const second = await inviteOne(admin, interview.id);
      waiting = { invitationId: second.invitation.id, candidate: second.candidate };
      const recorded = await recordReadyClip(candidate, interview.questions[0]!.id);
      answerId = recorded.id;
      assert.equal((await candidate.post('/candidate/finish')).status, 200);
      const feedback = await admin.put(`/invitations/${invitationId}/feedback`, {
        summary: 'Thank you for your answers.',
      });
      assert.equal(feedback.status, 200);
      const member = await staffUser(admin, 'reviewer', 'colleague');
      const me = (await member.get<{ id: string; email: string }>('/me')).body;
      colleague = { id: me.id, email: me.email };
      await refuseAuditRows(server);
    });

    const count = async (table: 'ratings' | 'decisions') =>
      Number(
        (
          await server.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('does not save a rating or a decision', async () => {
      expectProblem(
        await admin.put(`/answers/${answerId}/ratings/me`, { score: 4, comment: 'good' }),
        500,
        'internal',
      );
      assert.equal(await count('ratings'), 0);
      expectProblem(
        await admin.put(`/invitations/${invitationId}/decision`, { outcome: 'advance' }),
        500,
        'internal',
      );
      assert.equal(await count('decisions'), 0);
    });

    it('does not release feedback nor replace the candidate link', async () => {
      expectProblem(
        await admin.post(`/invitations/${invitationId}/feedback/release`),
        500,
        'internal',
      );
      expectProblem(await candidate.get('/candidate/feedback'), 404, 'not_found');
      expectProblem(await admin.post(`/invitations/${waiting.invitationId}/link`), 500, 'internal');
      const session = await waiting.candidate.get('/candidate/session');
      assert.equal(session.status, 200, 'the old link still works');
    });

    it('does not create, change or reset a user', async () => {
      const email = `nobody-${Date.now()}@example.test`;
      expectProblem(
        await admin.post('/users', {
          email,
          name: 'Not Created',
          password: 'a long enough password',
          role: 'reviewer',
        }),
        500,
        'internal',
      );
      expectProblem(
        await admin.request('PATCH', `/users/${colleague.id}`, { name: 'Renamed' }),
        500,
        'internal',
      );
      expectProblem(await admin.post(`/users/${colleague.id}/password-reset`), 500, 'internal');
      const users = (await admin.get<{ items: { email: string; name: string }[] }>('/users')).body
        .items;
      assert.ok(!users.some((u) => u.email === email), 'no user created');
      assert.equal(users.find((u) => u.email === colleague.email)?.name, 'colleague');
      // The old password still signs in: the reset did not happen.
      await login(server.url, colleague.email, 'a long enough password');
    });

    it('does not create or change an interview', async () => {
      const before = (await admin.get<{ items: unknown[] }>('/interviews')).body.items.length;
      expectProblem(
        await admin.post('/interviews', {
          title: 'Never created',
          intro: 'Welcome!',
          questions: [QUESTIONS[0]],
        }),
        500,
        'internal',
      );
      assert.equal(
        (await admin.get<{ items: unknown[] }>('/interviews')).body.items.length,
        before,
      );
      expectProblem(
        await admin.request('PATCH', `/interviews/${interviewId}`, { title: 'Renamed' }),
        500,
        'internal',
      );
      const kept = await admin.get<{ title: string }>(`/interviews/${interviewId}`);
      assert.notEqual(kept.body.title, 'Renamed');
    });

    it('gives out no ratings export and erases no candidate', async () => {
      expectProblem(await admin.get(`/interviews/${interviewId}/ratings.csv`), 500, 'internal');
      expectProblem(await admin.request('DELETE', `/invitations/${invitationId}`), 500, 'internal');
      const invitations = await admin.get<{ items: { id: string }[] }>(
        `/interviews/${interviewId}/invitations`,
      );
      assert.ok(
        invitations.body.items.some((i) => i.id === invitationId),
        'not erased',
      );
      // A later attempt is not blocked by the failed one (the erasure claim was let go).
      await allowAuditRows(server);
      assert.equal((await admin.request('DELETE', `/invitations/${invitationId}`)).status, 204);
      const trail = await admin.get<{ items: { action: string }[] }>(
        `/audit?invitationId=${invitationId}`,
      );
      assert.deepEqual(
        trail.body.items.map((e) => e.action),
        ['candidate.erased'],
      );
      await refuseAuditRows(server);
    });

    it('still shows an answer to a reviewer: reads are batched, not held up by the trail', async () => {
      // Creating the interview is an audited write: done while the trail works.
      await allowAuditRows(server);
      const other = await createInterview(admin, { questions: [QUESTIONS[0]] });
      const { candidate: next } = await inviteOne(admin, other.id);
      const recorded = await recordReadyClip(next, other.questions[0]!.id);
      await refuseAuditRows(server);
      assert.equal((await admin.get(`/answers/${recorded.id}`)).status, 200);
    });
  });
}

/** The database refuses every new audit row (a full disk, a broken replica: the trail is down). */
async function refuseAuditRows(server: TestServer): Promise<void> {
  const db = server.deps.db;
  if (server.deps.config.databaseUrl) {
    await sql`CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'the audit trail is unavailable'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION refuse_audit()`.execute(db);
  } else {
    await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit trail is unavailable'); END`.execute(db);
  }
}

async function allowAuditRows(server: TestServer): Promise<void> {
  const on = server.deps.config.databaseUrl ? sql` ON audit_log` : sql``;
  await sql`DROP TRIGGER refuse_audit${on}`.execute(server.deps.db);
}
