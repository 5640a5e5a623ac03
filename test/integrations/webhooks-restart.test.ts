import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { type Api, createInterview, login } from '../helpers/api.js';
import { freshDatabase } from '../helpers/databases.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { ADMIN, freePort } from '../helpers/test-server.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

const EVENTS = 300;
const CONCURRENCY = 8;

for (const database of ['sqlite', 'postgres'] as const) {
  describe(`webhooks across a crash (${database})`, function () {
    this.timeout(240_000);
    let dataDir: string;
    let running: ServerProcess | undefined;
    let receiver: WebhookReceiver;

    beforeEach(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'interview-hooks-'));
      receiver = new WebhookReceiver();
      await receiver.start();
    });
    afterEach(async () => {
      if (running && running.child.exitCode === null) {
        running.child.kill('SIGKILL');
        await running.exited;
      }
      await receiver.stop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('loses no event when the server is killed mid-burst; a repeat is only a send in flight at the kill', async () => {
      const port = await freePort();
      const db = await freshDatabase(database);
      const env = {
        PORT: String(port),
        DATA_DIR: dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_CONCURRENCY: String(CONCURRENCY),
        ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
      };
      running = spawnServer(env);
      await running.waitForOutput(/"msg":"listening"/, 60_000);
      const admin: Api = await login(`http://127.0.0.1:${port}`);
      const hook = (
        await admin.post('/webhooks', {
          url: `http://127.0.0.1:${receiver.port}/in`,
          events: ['invitation.created'],
        })
      ).body;
      // A receiver that takes a moment, so that sends are in flight when the server dies.
      receiver.respond = () => new Promise((r) => setTimeout(() => r(200), 15));
      const interview = await createInterview(admin);
      const invitationIds: string[] = [];
      for (let batch = 0; batch < EVENTS / 100; batch++) {
        const res = await admin.post(`/interviews/${interview.id}/invitations`, {
          candidates: Array.from({ length: 100 }, (_, i) => ({
            name: `C ${batch}-${i}`,
            email: `c${batch}-${i}@example.test`,
          })),
          sendEmail: false,
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        invitationIds.push(...res.body.items.map((i: { id: string }) => i.id));
      }
      await receiver.waitFor(40);
      running.child.kill('SIGKILL');
      await running.exited;
      const beforeKill = receiver.received.length;
      assert.ok(beforeKill < EVENTS, `killed mid-burst (${beforeKill} of ${EVENTS} arrived)`);

      running = spawnServer(env);
      await running.waitForOutput(/"msg":"listening"/, 60_000);
      const verifier = new Webhook(hook.secret);
      const deadline = Date.now() + 120_000;
      while (new Set(receiver.events().map((e) => e.id)).size < EVENTS) {
        assert.ok(Date.now() < deadline, `only ${receiver.received.length} arrived`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 500)); // anything more would show up now

      const events = receiver.received.map((r) => ({
        id: r.headers['webhook-id']!,
        data: (verifier.verify(r.body, r.headers) as { data: { invitationId: string } }).data,
      }));
      const byId = new Map<string, number[]>();
      for (const [i, e] of events.entries()) byId.set(e.id, [...(byId.get(e.id) ?? []), i]);
      assert.deepEqual(
        [...new Set(events.map((e) => e.data.invitationId))].sort(),
        [...invitationIds].sort(),
        'every invitation announced',
      );
      const repeats = [...byId.values()].filter((arrivals) => arrivals.length > 1);
      for (const arrivals of repeats) {
        assert.equal(arrivals.length, 2, 'a message arrives at most twice');
        assert.ok(arrivals[0]! < beforeKill, 'its first arrival was before the kill');
      }
      assert.ok(
        repeats.length <= CONCURRENCY,
        `${repeats.length} repeated, at most those in flight`,
      );
      const deliveries = (await admin.get(`/webhooks/${hook.id}/deliveries?limit=1000`)).body.items;
      assert.equal(deliveries.filter((d: any) => d.status === 'pending').length, 0);
      assert.equal(
        new Set(
          deliveries.filter((d: any) => d.status === 'delivered').map((d: any) => d.messageId),
        ).size,
        EVENTS,
      );
      console.log(`      (${database}: ${beforeKill} before the kill, ${repeats.length} repeated)`);
    });
  });
}
