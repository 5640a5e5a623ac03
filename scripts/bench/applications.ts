/**
 * Applications benchmark (issue 11): N public applications from C concurrent clients against the
 * embedded server (SQLite, local disk, in-process jobs) with a real SMTP server in this process.
 * Prints p50/p95/p99 of the apply request, the time from application to email received, and
 * whether every email arrived exactly once.
 *
 *   npx tsx scripts/bench/applications.ts [--applications 2000] [--clients 50]
 *
 * Each client sends from its own X-Forwarded-For address (TRUST_PROXY=1) and stays under the
 * limit of 10 applications per address per 10 minutes, as real applicants would.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Api, login } from '../../test/helpers/api.js';
import { TestSmtpServer } from '../../test/helpers/smtp-server.js';
import { startTestServer } from '../../test/helpers/test-server.js';

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '50' },
  },
});
const total = Number(values.applications);
const clients = Number(values.clients);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const smtp = await new TestSmtpServer().start();
  const server = await startTestServer({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'bench@example.test', TRUST_PROXY: '1' },
  });
  try {
    const admin = await login(server.url);
    const slug = `bench-${process.pid}`;
    const deadline = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const created = await admin.post('/interviews', {
      title: 'Bench programme',
      questions: [{ prompt: 'Hello', thinkSeconds: 10, maxSeconds: 60, retakes: 0 }],
      public: {
        enabled: true,
        slug,
        locations: [{ key: 'paris', name: 'Paris', deadline }],
        eligibility: [{ key: 'rtw', prompt: 'Right to work?', requiredAnswer: true }],
      },
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        const api = new Api(server.url);
        for (;;) {
          const i = next++;
          if (i >= total) return;
          const email = `applicant-${i}@example.test`;
          const t0 = performance.now();
          sentAt.set(email, Date.now());
          const res = await api.request(
            'POST',
            `/public/programmes/${slug}/applications`,
            {
              name: `Applicant ${i}`,
              email,
              locationKey: 'paris',
              eligibility: { rtw: true },
              consent: true,
            },
            // A new address every 10 applications: under the per-address limit.
            { 'x-forwarded-for': `10.1.${Math.floor(i / 10 / 250)}.${Math.floor(i / 10) % 250}` },
          );
          latencies.push(performance.now() - t0);
          if (res.status !== 202) failures++;
        }
      }),
    );
    const applyWallMs = Date.now() - started;
    await smtp.waitFor((mails) => mails.length >= total - failures, 120_000).catch(() => {});
    await new Promise((r) => setTimeout(r, 2000)); // would a duplicate still come?

    const counts = new Map<string, number>();
    const delays: number[] = [];
    for (const mail of smtp.received) {
      const email = mail.to.match(/applicant-\d+@example\.test/)?.[0] ?? mail.to;
      counts.set(email, (counts.get(email) ?? 0) + 1);
      if (counts.get(email) === 1) delays.push(mail.at - sentAt.get(email)!);
    }
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const missing = total - failures - counts.size;
    latencies.sort((a, b) => a - b);
    delays.sort((a, b) => a - b);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(
      JSON.stringify(
        {
          applications: total,
          clients,
          non202: failures,
          applyWallMs,
          apply: {
            p50: ms(percentile(latencies, 50)),
            p95: ms(percentile(latencies, 95)),
            p99: ms(percentile(latencies, 99)),
          },
          emailReceived: {
            p50: ms(percentile(delays, 50)),
            p95: ms(percentile(delays, 95)),
            max: ms(delays.at(-1)!),
          },
          delivered: counts.size,
          missing,
          duplicates,
          loadavg: loadavg().map((l) => l.toFixed(2)),
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
    await smtp.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
