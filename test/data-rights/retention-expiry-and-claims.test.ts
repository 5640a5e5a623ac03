import assert from 'node:assert/strict';
import { sweepExpiredCandidates } from '../../server/domain/erasure/retention-sweep.js';
import { Clock, HOUR } from '../api/support.js';
import { type Api, createInterview, inviteOne, login } from '../helpers/api.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';

const DAY = 24 * HOUR;

/**
 * The retention sweep's two promises that the two-process test does not reach: with no
 * deadline each invitation's own expiry starts its retention time, and an erasure claimed by
 * a process that died is taken over once its claim is stale (10 minutes), not before.
 */
for (const setup of BOTH_SETUPS) {
  describe(`retention sweep: expiry without a deadline, dead claims (${setup.database} + ${setup.storage})`, () => {
    const clock = new Clock();
    let server: TestServer;
    let admin: Api;

    before(async () => {
      server = await startTestServer({ ...setup, now: clock.now });
      admin = await login(server.url);
    });
    after(() => server?.stop());

    const exists = async (invitationId: string) =>
      (await server.deps.db
        .selectFrom('invitations')
        .select('id')
        .where('id', '=', invitationId)
        .executeTakeFirst()) !== undefined;

    it('erases each invitation of an interview without a deadline by its own expiry', async () => {
      const interview = await createInterview(admin, { retentionDays: 1 });
      const early = await inviteOne(admin, interview.id);
      clock.advance(10 * DAY);
      const late = await inviteOne(admin, interview.id);
      const apart = Date.parse(late.invitation.expiresAt) - Date.parse(early.invitation.expiresAt);
      assert.ok(Math.abs(apart - 10 * DAY) < 60_000, `expiries ${apart} ms apart`);

      // The early one expired 12 hours ago: its retention day is not over yet.
      clock.setTo(Date.parse(early.invitation.expiresAt) + 12 * HOUR);
      await sweepExpiredCandidates(server.deps);
      assert.equal(await exists(early.invitation.id), true);

      clock.setTo(Date.parse(early.invitation.expiresAt) + DAY + HOUR);
      await sweepExpiredCandidates(server.deps);
      assert.equal(await exists(early.invitation.id), false, 'erased a day after its expiry');
      assert.equal(await exists(late.invitation.id), true, 'the later one keeps its own time');

      clock.setTo(Date.parse(late.invitation.expiresAt) + DAY + HOUR);
      await sweepExpiredCandidates(server.deps);
      assert.equal(await exists(late.invitation.id), false);
    });

    it("takes over a dead process's claim after its 10-minute lease, not before", async () => {
      clock.reset();
      const interview = await createInterview(admin, {
        retentionDays: 0,
        deadline: new Date(clock.now().getTime() + HOUR).toISOString(),
      });
      const { invitation } = await inviteOne(admin, interview.id);
      clock.advance(2 * HOUR);
      // What a process killed mid-erasure leaves behind: its claim, and the candidate intact.
      await server.deps.db
        .updateTable('invitations')
        .set({ erasingAt: clock.now().toISOString() })
        .where('id', '=', invitation.id)
        .execute();

      clock.advance(9 * 60_000);
      await sweepExpiredCandidates(server.deps);
      assert.equal(await exists(invitation.id), true, 'a live claim is left to its holder');

      clock.advance(2 * 60_000);
      assert.equal(await sweepExpiredCandidates(server.deps), 1);
      assert.equal(await exists(invitation.id), false, 'a stale claim is taken over');
      const trail = (await admin.get('/audit?limit=1000')).body.items.filter(
        (e: { action: string; invitationId: string }) =>
          e.action === 'candidate.erased' && e.invitationId === invitation.id,
      );
      assert.equal(trail.length, 1, 'erased once, recorded once');
    });
  });
}
