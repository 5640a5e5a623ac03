/**
 * Webhooks benchmark (issue 23). The server runs as its own process (SQLite, local disk,
 * in-process media jobs, as `npm start` runs it); a receiver in this process records every
 * delivery. Three runs:
 *
 * 1. latency: 1,000 events (invitation.created) while 20 media jobs are queued: time from the
 *    event's timestamp to its arrival, p50/p95/max, and whether the media jobs were still
 *    queued when the burst was delivered (media never delays events: separate lanes).
 * 2. crash: another 1,000 events; the server is SIGKILLed mid-burst and started again: how many
 *    events were lost (never arrived) and how many arrived twice (a send in flight at the kill:
 *    same webhook-id, which receivers de-duplicate on).
 * 3. slow receiver: API latency (an invitation per call, each emitting an event) with a second
 *    endpoint whose receiver takes 10 s to answer, against the same calls without it.
 *
 *   npx tsx scripts/bench/webhooks.ts [--events 1000] [--jobs 20] [--concurrency 16]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CLIP_MIME, clipChunks } from '../../test/api/support.js';
import { type Api, createInterview, invite, login, recordAnswer } from '../../test/helpers/api.js';
import { type ServerProcess, spawnServer } from '../../test/helpers/server-process.js';
import { ADMIN, freePort } from '../../test/helpers/test-server.js';
import { WebhookReceiver } from '../../test/helpers/webhook-receiver.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000' },
    jobs: { type: 'string', default: '20' },
    /** WEBHOOK_CONCURRENCY of the server (its default when not given). */
    concurrency: { type: 'string' },
  },
});
const EVENTS = Number(values.events);
const JOBS = Number(values.jobs);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
};
const ms = (n: number) => `${Math.round(n)} ms`;

async function until(what: string, done: () => boolean, timeoutMs = 600_000) {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Invites `count` candidates in calls of 100: `count` invitation.created events. */
async function burst(admin: Api, interviewId: string, count: number, tag: string) {
  for (let done = 0; done < count; done += 100) {
    const n = Math.min(100, count - done);
    const res = await admin.post(`/interviews/${interviewId}/invitations`, {
      candidates: Array.from({ length: n }, (_, i) => ({
        name: `B ${tag} ${done + i}`,
        email: `b-${tag}-${done + i}@example.test`,
      })),
      sendEmail: false,
    });
    if (res.status !== 201) throw new Error(`invite: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-webhooks-'));
  const port = await freePort();
  const env = {
    PORT: String(port),
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    LOG_LEVEL: 'warn',
    ...(values.concurrency ? { WEBHOOK_CONCURRENCY: values.concurrency } : {}),
  };
  const receiver = new WebhookReceiver();
  const slow = new WebhookReceiver();
  let server: ServerProcess | undefined;
  const start = async () => {
    server = spawnServer(env);
    const url = `http://127.0.0.1:${port}`;
    for (;;) {
      const ok = await fetch(`${url}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return url;
      if (server.child.exitCode !== null) throw new Error(server.output());
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    const base = await start();
    const admin = await login(base);
    await receiver.start();
    // Counted once per arrival: re-reading every body while polling would load this process
    // (the receiver's) and show up as delivery latency.
    const seen = { 'answer.ready': 0, 'invitation.created': 0 } as Record<string, number>;
    const ids = new Set<string>();
    receiver.respond = (request) => {
      ids.add(request.headers['webhook-id']!);
      const type = /"type":"([^"]+)"/.exec(request.body)?.[1] ?? '';
      seen[type] = (seen[type] ?? 0) + 1;
      return 204;
    };
    await slow.start();
    const hook = await admin.post('/webhooks', {
      url: `http://127.0.0.1:${receiver.port}/in`,
      events: ['invitation.created', 'answer.ready'],
    });
    if (hook.status !== 201) throw new Error(JSON.stringify(hook.body));
    const interview = await createInterview(admin);

    // 1. latency, with media jobs queued.
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const chunks = await clipChunks(2);
    const candidates = await invite(admin, interview.id, JOBS);
    const firstQuestion = interview.questions[0]!.id;
    await Promise.all(
      candidates.map(({ candidate }) => recordAnswer(candidate, firstQuestion, CLIP_MIME, chunks)),
    );
    const readyBefore = () => seen['answer.ready']!;
    const createdSoFar = () => seen['invitation.created']!;
    await until('the 20 invitations announced', () => createdSoFar() >= JOBS);
    const baseline = receiver.received.length;
    const t0 = Date.now();
    await burst(admin, interview.id, EVENTS, 'a');
    const apiMs = Date.now() - t0;
    await until('burst delivered', () => createdSoFar() >= JOBS + EVENTS);
    const jobsDoneDuringBurst = readyBefore();
    const latencies = receiver.received
      .slice(baseline)
      .map((r) => ({ at: r.at, body: JSON.parse(r.body) }))
      .filter((r) => r.body.type === 'invitation.created')
      .map((r) => r.at - Date.parse(r.body.timestamp));
    console.log(
      `\n1. ${EVENTS} events while ${JOBS} media jobs queued (${jobsDoneDuringBurst} of them done when the burst was delivered)`,
    );
    console.log(`   invitations created by the API in ${ms(apiMs)}`);
    console.log(
      `   delivery latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`,
    );
    await until('media jobs done', () => readyBefore() >= JOBS, 600_000);

    // 2. crash mid-burst.
    const before = receiver.received.length;
    const idsBefore = ids.size;
    const crashBurst = burst(admin, interview.id, EVENTS, 'k');
    await until(
      'some of the burst delivered',
      () => receiver.received.length >= before + EVENTS / 3,
    );
    server!.child.kill('SIGKILL');
    await server!.exited;
    await crashBurst.catch(() => {}); // calls after the kill fail: those events never existed
    const arrivedAtKill = receiver.received.length - before;
    await start();
    // Every invitation that the API confirmed must be announced.
    const confirmed = (await admin.get(`/interviews/${interview.id}/invitations`)).body.items
      .length as number;
    const expected = confirmed - JOBS - EVENTS;
    await until('crash burst delivered', () => {
      return ids.size - idsBefore >= expected;
    });
    await new Promise((r) => setTimeout(r, 2000));
    const after = receiver.received.slice(before);
    const counts = new Map<string, number>();
    for (const r of after) {
      const id = r.headers['webhook-id']!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const twice = [...counts.values()].filter((n) => n > 1).length;
    console.log(
      `\n2. SIGKILL after ${arrivedAtKill} deliveries of a ${EVENTS}-event burst; ${expected} events confirmed by the API`,
    );
    console.log(
      `   lost ${expected - counts.size}, arrived twice ${twice} (same webhook-id; in flight at the kill)`,
    );

    // 3. API latency with a receiver that takes 10 s.
    const adminAgain = await login(base);
    const apiLatency = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        await invite(adminAgain, interview.id, 1);
        times.push(performance.now() - s);
      }
      return times;
    };
    const without = await apiLatency(100);
    slow.respond = () => new Promise((r) => setTimeout(() => r(200), 10_000));
    await adminAgain.post('/webhooks', {
      url: `http://127.0.0.1:${slow.port}/slow`,
      events: ['invitation.created'],
    });
    const withSlow = await apiLatency(100);
    console.log('\n3. API latency (one invitation per call, 100 calls)');
    console.log(
      `   without a slow receiver: p50 ${ms(percentile(without, 50))}, p95 ${ms(percentile(without, 95))}`,
    );
    console.log(
      `   with a 10-s receiver:    p50 ${ms(percentile(withSlow, 50))}, p95 ${ms(percentile(withSlow, 95))} (${slow.inFlight} deliveries held by it at the end)`,
    );
    console.log(
      `\nload average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await receiver.stop();
    await slow.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
