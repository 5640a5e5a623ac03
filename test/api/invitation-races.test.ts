import assert from 'node:assert/strict';
import { type Api, createInterview, login } from '../helpers/api.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { invitationsOf } from './programmes-support.js';

/** Issue 20, finding 12: the duplicate check and the insert are one step. */
for (const setup of BOTH_SETUPS) {
  describe(`Inviting the same email twice at the same instant (${setup.database})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let admin: Api;

    before(async () => {
      server = await startTestServer(setup);
      admin = await login(server.url);
    });
    after(() => server?.stop());

    it('creates one invitation; every other request reports the email as skipped', async () => {
      for (let round = 0; round < 3; round++) {
        const interview = await createInterview(admin);
        const email = `twice-${round}-${process.pid}@example.test`;
        const responses = await Promise.all(
          Array.from({ length: 6 }, () =>
            admin.post(`/interviews/${interview.id}/invitations`, {
              candidates: [{ name: 'Sam Twice', email }],
              sendEmail: false,
            }),
          ),
        );
        for (const res of responses) assert.equal(res.status, 201, JSON.stringify(res.body));
        const created = responses.flatMap((r) => r.body.items);
        assert.equal(created.length, 1, 'exactly one request invited them');
        const skipped = responses.flatMap((r) => r.body.skipped ?? []);
        assert.equal(skipped.length, 5);
        for (const s of skipped) assert.equal(s.invitationId, created[0].id);
        assert.equal((await invitationsOf(admin, interview.id)).length, 1);
      }
    });
  });
}
