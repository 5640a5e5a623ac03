import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Api, createInterview, login } from '../helpers/api.js';
import { freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { processCluster } from '../helpers/process-cluster.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { TestSmtpServer } from '../helpers/smtp-server.js';
import { freePort } from '../helpers/test-server.js';

const ADMIN = { email: 'mail-ops@example.test', password: 'cluster admin password' };
const CANDIDATES = 200;
/** Each message is held this long before the server's reply. */
const DATA_DELAY_MS = 50;

/**
 * Issue 11: with two API processes, a worker, PostgreSQL and Redis, every invitation is
 * delivered although the worker is SIGKILLed mid-batch, and a duplicate can only be a message
 * that was claimed but not yet marked sent at the kill.
 */
describe('email across processes: a worker SIGKILLed while sending', function () {
  this.timeout(180_000);
  let database: TestDatabase;
  let redis: TestRedis;
  // Each message is held DATA_DELAY_MS before the reply, so that some are always in flight; one
  // whose sender dies after the final dot counts as received (the pessimistic count).
  const smtp = new TestSmtpServer({ replyDelayMs: DATA_DELAY_MS });
  const cluster = processCluster();

  before(async () => {
    database = await freshDatabase('postgres');
    redis = await startTestRedis(await freePort());
    await smtp.start();
    cluster.env = {
      DATABASE_URL: database.databaseUrl!,
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'interviews@example.test',
      // A dead worker's jobs and claims are taken over after 2 s (the smallest lock allowed).
      JOB_LOCK_SECONDS: '2',
      // Several messages at once through the pooled connections: more in flight at the kill.
      JOB_CONCURRENCY: '5',
    };
  });

  after(async () => {
    await smtp.close();
    await redis?.stop();
    await database?.drop();
  });

  it(`delivers all ${CANDIDATES} invitations; duplicates only among those in flight at the kill`, async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    await cluster.spawn('api', portA);
    await cluster.spawn('api', portB);
    const worker = await cluster.spawn('worker');
    const staffA = await login(`http://127.0.0.1:${portA}`, ADMIN.email, ADMIN.password);
    const staffB = new Api(`http://127.0.0.1:${portB}`, staffA.token);

    // Half the candidates are invited through each API process, one request after the other:
    // the two at once into one interview can deadlock in PostgreSQL while review labels are
    // given (reported separately; not an email matter).
    const interview = await createInterview(staffA, { title: 'Mail scale' });
    const addresses = Array.from({ length: CANDIDATES }, (_, i) => `m${i + 1}@example.test`);
    const halves = [addresses.slice(0, CANDIDATES / 2), addresses.slice(CANDIDATES / 2)];
    for (const [i, staff] of [staffA, staffB].entries()) {
      const res = await staff.post(`/interviews/${interview.id}/invitations`, {
        candidates: halves[i]!.map((email, n) => ({ name: `Candidate ${n + 1}`, email })),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }

    // The worker dies mid-batch: some messages sent, some claimed, some not yet touched.
    await until(() => smtp.received.length >= CANDIDATES / 5, 60_000);
    worker.child.kill('SIGKILL');
    await worker.exited;
    const db = new pg.Client({ connectionString: database.databaseUrl! });
    await db.connect();
    const inFlight = await db.query<{ to_address: string }>(
      `SELECT to_address FROM email_outbox WHERE status = 'sending'`,
    );
    const sentAtKill = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM email_outbox WHERE status = 'sent'`,
    );
    const receivedAtKill = smtp.received.length;
    await db.end();

    // Another worker carries on.
    await cluster.spawn('worker');
    const deadline = Date.now() + 90_000;
    let statuses: string[] = [];
    for (;;) {
      const list = await staffB.get<{ items: { email?: { status: string } }[] }>(
        `/interviews/${interview.id}/invitations`,
      );
      statuses = list.body.items.map((i) => i.email?.status ?? 'none');
      if (statuses.length === CANDIDATES && statuses.every((s) => s === 'sent')) break;
      if (Date.now() > deadline) assert.fail(`not all sent: ${JSON.stringify(countOf(statuses))}`);
      await new Promise((r) => setTimeout(r, 500));
    }

    const perAddress = countOf(smtp.received.flatMap((m) => m.envelope));
    const missing = addresses.filter((a) => !perAddress[a]);
    const duplicated = Object.entries(perAddress).filter(([, n]) => n > 1);
    const duplicates = duplicated.reduce((sum, [, n]) => sum + n - 1, 0);
    const inFlightAddresses = new Set(inFlight.rows.map((r) => r.to_address.toLowerCase()));
    console.log(
      `    at the kill: ${receivedAtKill} received by SMTP, ${sentAtKill.rows[0]!.n} marked sent, ` +
        `${inFlight.rows.length} claimed but not marked sent; ` +
        `after: ${smtp.received.length} received, ${duplicates} duplicate(s)`,
    );
    assert.deepEqual(smtp.errors, [], 'the mail server saw no error but the killed connections');
    assert.deepEqual(missing, [], 'every candidate received their invitation');
    assert.ok(
      smtp.received.every((m) => m.subject.includes('Mail scale')),
      'only invitations were sent',
    );
    assert.ok(
      duplicates <= inFlight.rows.length,
      `${duplicates} duplicates > ${inFlight.rows.length} in flight`,
    );
    for (const [address] of duplicated)
      assert.ok(inFlightAddresses.has(address), `${address} duplicated but was not in flight`);
  });
});

function countOf(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
