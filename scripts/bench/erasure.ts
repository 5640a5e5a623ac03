/**
 * Data rights benchmarks:
 *
 *   npx tsx scripts/bench/erasure.ts [--scenario erase|sweep|audit|all] [--runs 20] [--sweep 10000]
 *
 * erase: DELETE /invitations/:id for candidates with 5 answers (video, poster, audio, a chunk
 *        each) on PostgreSQL + s3rver; p50/p95 of the whole request.
 * sweep: the retention sweep over N expired candidates (SQLite + local disk, 1 answer each);
 *        time and the process's peak RSS before and after.
 * audit: GET /answers/:id with the audit trail on and off (SQLite + local disk), 10 clients,
 *        alternating rounds so machine load hits both alike.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sweepExpiredCandidates } from '../../server/domain/erasure/retention-sweep.js';
import { login } from '../../test/helpers/api.js';
import { startTestServer } from '../../test/helpers/test-server.js';
import { benchCandidate, benchInterview, percentile } from './data-rights/fixtures.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'all' },
    runs: { type: 'string', default: '20' },
    sweep: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '2000' },
  },
});
const want = (s: string) => values.scenario === 'all' || values.scenario === s;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function eraseScenario(): Promise<void> {
  const server = await startTestServer({ database: 'postgres', storage: 's3' });
  try {
    const admin = await login(server.url);
    const interview = await benchInterview(server.deps, { deadline: null, retentionDays: 365 });
    const times: number[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const { invitationId } = await benchCandidate(server.deps, interview, 5);
      const started = performance.now();
      const res = await admin.request('DELETE', `/invitations/${invitationId}`);
      times.push(performance.now() - started);
      if (res.status !== 204) throw new Error(`erase answered ${res.status}`);
    }
    const left = await server.deps.storage.list('answers/');
    times.sort((a, b) => a - b);
    console.log(
      `erase (PostgreSQL + s3rver, 5 answers, 20 objects): n=${times.length} p50=${percentile(times, 50).toFixed(0)} ms p95=${percentile(times, 95).toFixed(0)} ms max=${times.at(-1)!.toFixed(0)} ms; objects left=${left.length}; load ${load()}`,
    );
  } finally {
    await server.stop();
  }
}

async function sweepScenario(): Promise<void> {
  const count = Number(values.sweep);
  // A retention sweep far in the future, so the server's own start-up sweep finds nothing.
  const server = await startTestServer({ env: { RETENTION_SWEEP_SECONDS: '604800' } });
  try {
    const interview = await benchInterview(server.deps, { deadline: null, retentionDays: 0 });
    const past = new Date(Date.now() - 86_400_000).toISOString();
    for (let i = 0; i < count; i++) await benchCandidate(server.deps, interview, 1, past);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    const erased = await sweepExpiredCandidates(server.deps);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const mb = (b: number) => (b / 1048576).toFixed(0);
    console.log(
      `sweep (SQLite + disk, 1 answer each): erased=${erased}/${count} in ${seconds.toFixed(1)} s (${(erased / seconds).toFixed(0)}/s); RSS before ${mb(rssBefore)} MB, peak during ${mb(peak)} MB (process peak before the sweep ${mb(peakBefore)} MB); load ${load()}`,
    );
  } finally {
    await server.stop();
  }
}

async function auditScenario(): Promise<void> {
  const requests = Number(values.requests);
  const servers = {
    on: await startTestServer({ audit: true }),
    off: await startTestServer({ audit: false }),
  };
  try {
    const targets: Record<string, { admin: Awaited<ReturnType<typeof login>>; answerId: string }> =
      {};
    for (const [name, server] of Object.entries(servers)) {
      const interview = await benchInterview(server.deps, { deadline: null, retentionDays: 365 });
      const { answerIds } = await benchCandidate(server.deps, interview, 1);
      targets[name] = { admin: await login(server.url), answerId: answerIds[0]! };
    }
    const samples: Record<string, number[]> = { on: [], off: [] };
    const round = async (name: 'on' | 'off', n: number) => {
      const { admin, answerId } = targets[name]!;
      let left = n;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (left-- > 0) {
            const t = performance.now();
            const res = await admin.get(`/answers/${answerId}`);
            samples[name]!.push(performance.now() - t);
            if (res.status !== 200) throw new Error(`GET answered ${res.status}`);
          }
        }),
      );
    };
    await round('on', 200); // warm-up, discarded
    await round('off', 200);
    samples.on = [];
    samples.off = [];
    for (let i = 0; i < 10; i++) {
      await round('on', requests / 10);
      await round('off', requests / 10);
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return { mean, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
    };
    const on = stats(samples.on!);
    const off = stats(samples.off!);
    const fmt = (s: typeof on) =>
      `mean ${s.mean.toFixed(2)} ms p50 ${s.p50.toFixed(2)} ms p95 ${s.p95.toFixed(2)} ms`;
    await servers.on.deps.audit.flush();
    const entries = await servers.on.deps.db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'answer.viewed')
      .executeTakeFirstOrThrow();
    console.log(
      `GET /answers/:id (SQLite + disk, 10 clients, ${requests} each): audit on ${fmt(on)}; off ${fmt(off)}; mean ${(((on.mean - off.mean) / off.mean) * 100).toFixed(1)} % , p50 ${(((on.p50 - off.p50) / off.p50) * 100).toFixed(1)} %; answer.viewed rows=${entries.n}; load ${load()}`,
    );
  } finally {
    await servers.on.stop();
    await servers.off.stop();
  }
}

if (want('erase')) await eraseScenario();
if (want('audit')) await auditScenario();
if (want('sweep')) await sweepScenario();
