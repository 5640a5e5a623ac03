import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterview, login } from '../helpers/api.js';
import { freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { TestSmtpServer } from '../helpers/smtp-server.js';
import { ADMIN, freePort } from '../helpers/test-server.js';

const PROCESSES = 3;
const CANDIDATES = 40;
const HOUR = 3_600_000;

/**
 * README: "a reminder this many hours before an invitation closes (once)", with several
 * processes sweeping. Three server processes share one database and sweep every second; forty
 * invitations fall into the reminder window at the same moment (the deadline is moved), so
 * every process finds all forty due. Each candidate gets exactly one reminder.
 */
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`reminders exactly once with ${PROCESSES} processes sweeping at once (${kind})`, function () {
    this.timeout(180_000);
    let dataDir: string;
    let database: TestDatabase;
    let smtp: TestSmtpServer;
    const processes: ServerProcess[] = [];

    before(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'reminders-'));
      database = await freshDatabase(kind);
      smtp = await new TestSmtpServer().start();
    });
    after(async () => {
      for (const proc of processes) proc.child.kill('SIGTERM');
      await Promise.all(processes.map((p) => p.exited));
      await smtp?.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('sends each candidate one reminder, however many processes found it due', async () => {
      const env = {
        DATA_DIR: dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        JWT_SECRET: randomBytes(32).toString('hex'),
        SMTP_URL: smtp.url,
        MAIL_FROM: 'interviews@example.test',
        REMINDER_HOURS: '48',
        REMINDER_SWEEP_SECONDS: '1',
        ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
      };
      const urls: string[] = [];
      for (let i = 0; i < PROCESSES; i++) {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        const proc = spawnServer({ ...env, PORT: String(port), PUBLIC_URL: url });
        processes.push(proc);
        await proc.waitForOutput(/"msg":"listening"/);
        urls.push(url);
      }
      const admin = await login(urls[0]!);
      const interview = await createInterview(admin, {
        deadline: new Date(Date.now() + 10 * 24 * HOUR).toISOString(),
      });
      const emails = Array.from(
        { length: CANDIDATES },
        (_, i) => `remind-${i}-${kind}@example.test`,
      );
      const invited = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: emails.map((email, i) => ({ name: `Candidate ${i}`, email })),
      });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      await smtp.waitFor((mails) => mails.length === CANDIDATES, 60_000);

      // Every process's next sweep finds all forty due at once.
      const moved = await admin.request('PATCH', `/interviews/${interview.id}`, {
        deadline: new Date(Date.now() + 24 * HOUR).toISOString(),
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const reminders = () => smtp.received.filter((m) => /^Reminder/.test(m.subject));
      await smtp.waitFor(() => reminders().length >= CANDIDATES, 60_000);
      // Each process sweeps three more times meanwhile: a duplicate would have time to arrive.
      await new Promise((r) => setTimeout(r, 3_500));

      const perAddress = new Map<string, number>();
      for (const mail of reminders()) perAddress.set(mail.to, (perAddress.get(mail.to) ?? 0) + 1);
      assert.equal(perAddress.size, CANDIDATES, 'every candidate was reminded');
      assert.deepEqual(
        [...perAddress].filter(([, count]) => count !== 1),
        [],
        'nobody twice',
      );
      for (const proc of processes)
        assert.doesNotMatch(proc.output(), /"level":50/, 'no process logged an error');
    });
  });
}
