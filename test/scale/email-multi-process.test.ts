import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { Api, createInterview, login } from '../helpers/api.js';
import { freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { freePort } from '../helpers/test-server.js';

const ADMIN = { email: 'mail-ops@example.test', password: 'cluster admin password' };
const CANDIDATES = 200;
/** Each message is held this long before the server's reply, so that some are always in flight. */
const DATA_DELAY_MS = 50;

/**
 * A slow mail server: it notes every message handed over in full (the envelope's recipient and
 * the subject) and answers 250 only after a delay. A message whose sender dies after the final
 * dot but before reading the reply is counted as received: a real MTA may already have queued it
 * (the duplicate of RFC 1047), so this is the pessimistic count.
 */
async function startSlowSmtp(): Promise<{
  url: string;
  received: { to: string; subject: string }[];
  errors: Error[];
  close(): Promise<void>;
}> {
  const received: { to: string; subject: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/m.exec(head)?.[1] ?? '';
        for (const r of session.envelope.rcptTo)
          received.push({ to: r.address.toLowerCase(), subject });
        setTimeout(() => callback(), DATA_DELAY_MS);
      });
    },
  });
  const errors: Error[] = [];
  // The killed worker's connections are reset under the server's feet: expected, nothing else is.
  server.on('error', (err: Error & { code?: string }) => {
    if (err.code !== 'ECONNRESET') errors.push(err);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    errors,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Issue 11: with two API processes, a worker, PostgreSQL and Redis, every invitation is
 * delivered although the worker is SIGKILLed mid-batch, and a duplicate can only be a message
 * that was claimed but not yet marked sent at the kill.
 */
describe('email across processes: a worker SIGKILLed while sending', function () {
  this.timeout(180_000);
  let database: TestDatabase;
  let redis: TestRedis;
  let smtp: Awaited<ReturnType<typeof startSlowSmtp>>;
  const processes: ServerProcess[] = [];
  const dirs: string[] = [];
  let sharedEnv: Record<string, string>;

  async function spawnRole(role: 'api' | 'worker', port = 0): Promise<ServerProcess> {
    const dataDir = await mkdtemp(path.join(tmpdir(), `interview-mail-${role}-`));
    dirs.push(dataDir);
    const proc = spawnServer({
      ...sharedEnv,
      SERVER_ROLE: role,
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    processes.push(proc);
    await proc.waitForOutput(role === 'api' ? /"msg":"listening"/ : /"msg":"worker started"/);
    return proc;
  }

  before(async () => {
    database = await freshDatabase('postgres');
    redis = await startTestRedis(await freePort());
    smtp = await startSlowSmtp();
    sharedEnv = {
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

  afterEach(function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const p of processes) console.error(`--- ${p.child.pid}:\n${p.output().slice(-4000)}`);
  });

  after(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await smtp?.close();
    await redis?.stop();
    await database?.drop();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it(`delivers all ${CANDIDATES} invitations; duplicates only among those in flight at the kill`, async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    await spawnRole('api', portA);
    await spawnRole('api', portB);
    const worker = await spawnRole('worker');
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
    await spawnRole('worker');
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

    const perAddress = countOf(smtp.received.map((m) => m.to));
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
