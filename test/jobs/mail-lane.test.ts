/**
 * Issue 25: mail has its own lane, and webhooks theirs (issue 23). With JOB_CONCURRENCY=1 and a video being converted (ffmpeg
 * held mid-job by a gate), an invitation mail still reaches the SMTP server: a queue of videos
 * never holds back a mail. Run on the embedded queue and on the Redis (BullMQ) one.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recordClip } from '../api/support.js';
import { Api, createInterview, login, tokenOf, waitForAnswer } from '../helpers/api.js';
import { writeGatedFfmpeg } from '../helpers/gated-ffmpeg.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { linkIn } from '../helpers/smtp-server.js';
import { freePort, startTestServer, type TestServer } from '../helpers/test-server.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

const SETUPS = [
  { name: 'embedded queue, SQLite', database: 'sqlite', storage: 'local', redis: false },
  { name: 'BullMQ on Redis, PostgreSQL', database: 'postgres', storage: 's3', redis: true },
] as const;

/** Waits for a condition that an event outside this process makes true (a file appearing). */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const setup of SETUPS) {
  describe(`mail lane: a video being converted does not hold back a mail (${setup.name})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let redis: TestRedis | undefined;
    let admin: Api;
    let gateDir: string;
    let receiver: WebhookReceiver;
    const open = () => writeFile(path.join(gateDir, 'open'), '');

    before(async () => {
      // An ffmpeg that says it started, then waits for a file before converting.
      gateDir = await mkdtemp(path.join(tmpdir(), 'ffmpeg-gate-'));
      const script = await writeGatedFfmpeg(gateDir);
      if (setup.redis) redis = await startTestRedis(await freePort());
      server = await startTestServer({
        database: setup.database,
        storage: setup.storage,
        mailFrom: 'Hiring <jobs@example.test>',
        env: {
          FFMPEG_PATH: script,
          JOB_CONCURRENCY: '1',
          WEBHOOK_ALLOW_PRIVATE: 'true',
          ...(redis ? { REDIS_URL: redis.url, JWT_SECRET: 'x'.repeat(40) } : {}),
        },
      });
      admin = await login(server.url);
      receiver = new WebhookReceiver();
      const hook = await admin.post('/webhooks', {
        url: `${await receiver.start()}/hooks`,
        events: ['invitation.created'],
      });
      assert.equal(hook.status, 201, JSON.stringify(hook.body));
    });
    after(async () => {
      if (gateDir) await open().catch(() => {});
      await server?.stop();
      await receiver?.stop();
      await redis?.stop();
      await rm(gateDir, { recursive: true, force: true });
    });

    it("an invitation's mail and webhook event go out while the only media slot is busy", async () => {
      const interview = await createInterview(admin);
      const invite = async (email: string) => {
        const res = await admin.post(`/interviews/${interview.id}/invitations`, {
          candidates: [{ name: 'Noor', email }],
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        return res.body.items[0].id as string;
      };
      const first = `first-${process.pid}@example.test`;
      await invite(first);
      const candidate = new Api(server.url, tokenOf(linkIn(await server.smtp!.message(first))));
      const answer = await recordClip(candidate, interview.questions[0]!.id, 3);
      await until(() => existsSync(path.join(gateDir, 'started')), 'ffmpeg to start');

      const second = `second-${process.pid}@example.test`;
      const invitationId = await invite(second);
      const mail = await server.smtp!.message(second, /./, 15_000);
      assert.match(mail.subject, /Your video interview/);
      await receiver.waitFor(2, 15_000);
      assert.deepEqual(
        receiver
          .events('invitation.created')
          .map((e) => e.body.data.invitationId)
          .slice(1),
        [invitationId],
      );
      // The conversion is still held: the mail did not wait for it.
      assert.equal(
        (await candidate.get<{ status: string }>(`/candidate/answers/${answer.id}`)).body.status,
        'processing',
      );

      await open();
      assert.equal((await waitForAnswer(candidate, answer.id)).status, 'ready');
    });
  });
}
