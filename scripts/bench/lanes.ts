/**
 * Lanes benchmark (issue 25): a queue of videos must not hold back mail or webhook events.
 * The server runs as its own process (SQLite, local disk, in-process jobs, JOB_CONCURRENCY=1 as
 * by default, as `npm start` runs it) with a real SMTP server and a webhook receiver in this
 * process. Two runs, each on a fresh server:
 *
 * 1. media only: `--jobs` answers recorded and queued for conversion; media throughput (jobs
 *    per minute, from the first answer queued to the last `answer.ready` event).
 * 2. mixed: the same answers, then at once `--emails` invitations (one mail and one
 *    `invitation.created` event each) while the videos wait: each mail's time from the API
 *    call to its arrival at the SMTP server (p50/p95/max), each event's delivery time
 *    (p50/p95/max), and the media throughput again.
 *
 *   npx tsx scripts/bench/lanes.ts [--jobs 20] [--emails 200] [--clip-seconds 10]
 *
 * Targets: mail p95 ≤ 10 s; media throughput unchanged by the mail and the events.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CLIP_MIME } from '../../test/api/support.js';
import { Api, createInterview, login, recordAnswer, tokenOf } from '../../test/helpers/api.js';
import { ffmpegClip, sliceIrregularly } from '../../test/helpers/media-fixtures.js';
import { type ServerProcess, spawnServer } from '../../test/helpers/server-process.js';
import { TestSmtpServer } from '../../test/helpers/smtp-server.js';
import { ADMIN, freePort } from '../../test/helpers/test-server.js';
import { WebhookReceiver } from '../../test/helpers/webhook-receiver.js';
import { buildServer } from '../build-server.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '20' },
    emails: { type: 'string', default: '200' },
    'clip-seconds': { type: 'string', default: '10' },
  },
});
const JOBS = Number(values.jobs);
const EMAILS = Number(values.emails);
/** Invitations per API call in the mixed run: a team inviting a list, several times over. */
const PER_CALL = 20;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const spread = (values: number[]) =>
  `p50 ${s(percentile(values, 50))}, p95 ${s(percentile(values, 95))}, max ${s(Math.max(...values))}`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function until(what: string, done: () => boolean, timeoutMs = 900_000) {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface RunResult {
  jobsPerMinute: number;
  mail?: number[];
  events?: number[];
  /** Answers ready when the last mail arrived. */
  readyAtLastMail?: number;
  /** How long the API took for all the invitation calls, and when the first mail arrived. */
  apiMs?: number;
  firstMailMs?: number;
}

async function run(mixed: boolean, chunks: Buffer[]): Promise<RunResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-lanes-'));
  const smtp = await new TestSmtpServer().start();
  const receiver = new WebhookReceiver();
  const port = await freePort();
  let server: ServerProcess | undefined;
  try {
    server = spawnServer({
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Hiring <bench@example.test>',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'warn',
    });
    const base = `http://127.0.0.1:${port}`;
    while (
      !(await fetch(`${base}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (server.child.exitCode !== null) throw new Error(server.output());
      await new Promise((r) => setTimeout(r, 100));
    }
    const admin = await login(base);
    await receiver.start();
    // Counted on arrival: re-reading every body while polling would load this process.
    const ready: number[] = [];
    const created = new Map<string, number>();
    receiver.respond = (request) => {
      const body = JSON.parse(request.body);
      if (body.type === 'answer.ready') ready.push(request.at);
      if (body.type === 'invitation.created')
        created.set(body.data.invitationId, request.at - Date.parse(body.timestamp));
      return 204;
    };
    const hook = await admin.post('/webhooks', {
      url: `http://127.0.0.1:${receiver.port}/in`,
      events: ['invitation.created', 'answer.ready'],
    });
    if (hook.status !== 201) throw new Error(JSON.stringify(hook.body));
    const interview = await createInterview(admin);
    const question = interview.questions[0]!.id;

    const invited = await admin.post<{ items: { url: string }[] }>(
      `/interviews/${interview.id}/invitations`,
      {
        candidates: Array.from({ length: JOBS }, (_, i) => ({
          name: `Video ${i}`,
          email: `video-${i}@example.test`,
        })),
        sendEmail: false,
      },
    );
    if (invited.status !== 201) throw new Error(JSON.stringify(invited.body));
    const candidates = invited.body.items.map((item) => new Api(base, tokenOf(item.url)));
    let firstQueued = 0;
    await Promise.all(
      candidates.map(async (candidate) => {
        await recordAnswer(candidate, question, CLIP_MIME, chunks);
        firstQueued ||= Date.now();
      }),
    );

    const result: RunResult = { jobsPerMinute: 0 };
    if (mixed) {
      const sentAt = new Map<string, number>();
      const burstIds = new Set<string>();
      const burstStart = Date.now();
      for (let done = 0; done < EMAILS; done += PER_CALL) {
        const people = Array.from({ length: Math.min(PER_CALL, EMAILS - done) }, (_, i) => ({
          name: `Mail ${done + i}`,
          email: `mail-${done + i}@example.test`,
        }));
        const at = Date.now();
        const res = await admin.post<{ items: { id: string }[] }>(
          `/interviews/${interview.id}/invitations`,
          { candidates: people },
        );
        if (res.status !== 201) throw new Error(JSON.stringify(res.body));
        for (const person of people) sentAt.set(person.email, at);
        for (const item of res.body.items) burstIds.add(item.id);
      }
      result.apiMs = Date.now() - burstStart;
      const burstMails = () => smtp.received.filter((m) => sentAt.has(m.envelope[0]!));
      await smtp.waitFor(() => burstMails().length >= EMAILS, 900_000);
      result.readyAtLastMail = ready.length;
      result.mail = burstMails().map((m) => m.at - sentAt.get(m.envelope[0]!)!);
      result.firstMailMs = Math.min(...burstMails().map((m) => m.at)) - burstStart;
      await until('events delivered', () => [...burstIds].every((id) => created.has(id)));
      result.events = [...burstIds].map((id) => created.get(id)!);
    }
    await until('answers ready', () => ready.length >= JOBS);
    result.jobsPerMinute = JOBS / ((Math.max(...ready) - firstQueued) / 60_000);
    return result;
  } finally {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await receiver.stop();
    await smtp.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  await buildServer();
  const clip = await ffmpegClip({
    seconds: Number(values['clip-seconds']),
    videoCodec: 'vp8',
    audioCodec: 'opus',
    container: 'webm',
    width: 640,
    height: 360,
  });
  const slices = sliceIrregularly(await readFile(clip), 4);
  const chunks = [...slices.slice(0, 3), Buffer.concat(slices.slice(3))];
  console.log(`${JOBS} answers of ${values['clip-seconds']} s (VP8 640×360), ${EMAILS} mails`);
  console.log(`load average before: ${load()}`);
  const alone = await run(false, chunks);
  console.log(`\n1. media only: ${alone.jobsPerMinute.toFixed(1)} jobs/min (load ${load()})`);
  const mixed = await run(true, chunks);
  console.log(`\n2. media + ${EMAILS} mails + ${EMAILS} events (load ${load()})`);
  console.log(
    `   mail handed to SMTP: ${spread(mixed.mail!)} (${mixed.readyAtLastMail} of ${JOBS} answers ready at the last)`,
  );
  console.log(
    `   the ${EMAILS / PER_CALL} invitation calls took ${s(mixed.apiMs!)}; first mail at ${s(mixed.firstMailMs!)}`,
  );
  console.log(`   events delivered:    ${spread(mixed.events!)}`);
  console.log(
    `   media: ${mixed.jobsPerMinute.toFixed(1)} jobs/min (${(mixed.jobsPerMinute / alone.jobsPerMinute).toFixed(2)}× media only)`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
