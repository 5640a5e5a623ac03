/**
 * Issue 8, benchmark scenario (b): one candidate submits a decode bomb while 100 honest
 * recorders upload their 1-second chunks and another candidate submits an honest 6-second
 * answer. Reports the chunk-upload latency (p50/p95/p99) and how long after "complete" the
 * honest answer is ready (target ≤ 10 s), plus what became of the bomb.
 *
 *   npx tsx scripts/bench/hostile/decode-bomb.ts [--seconds 20] [--recorders 100] [--no-bomb]
 *
 * The server runs as its own process, as `npm start` runs it: SQLite, local disk, the embedded
 * job queue with its default single slot. The bomb is issue 8's: a VP8 WebM of one 4096×4096
 * key frame and 12,000 skip frames at 1000 fps, sent as the answer to a 10-second question.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { type Api, createInterview, invite, login } from '../../../test/helpers/api.js';
import { ISSUE_BOMB, makeDecodeBomb } from '../../../test/helpers/decode-bomb.js';
import { spawnServer } from '../../../test/helpers/server-process.js';
import { freePort } from '../ingest/free-port.js';
import { stopProcess } from '../ingest/instrumented-process.js';
import { percentile, sortedCopy } from '../ingest/stats.js';
import { waitUntilHealthy } from '../ingest/wait-healthy.js';

const ADMIN = { email: 'bench@example.test', password: 'a bench password that is long' };
const MIME = 'video/webm;codecs=vp8,opus';
const CHUNK_BYTES = 150_000;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    recorders: { type: 'string', default: '100' },
    'no-bomb': { type: 'boolean', default: false },
  },
});
const seconds = Number(args.seconds);
const recorders = Number(args.recorders);
const withBomb = !args['no-bomb'];

async function honestClip(dir: string): Promise<Buffer[]> {
  const path = join(dir, 'honest.webm');
  await promisify(execFile)('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x480:rate=30:duration=6'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=6'],
    ...['-c:v', 'libvpx', '-b:v', '1M', '-deadline', 'realtime', '-cpu-used', '8'],
    ...['-c:a', 'libopus', '-cluster_time_limit', '1000', path],
  ]);
  const bytes = await readFile(path);
  const size = Math.ceil(bytes.length / 6);
  return Array.from({ length: 6 }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
}

async function candidates(admin: Api, interviewId: string, count: number): Promise<Api[]> {
  const all: Api[] = [];
  while (all.length < count) {
    const batch = await invite(admin, interviewId, Math.min(50, count - all.length));
    all.push(...batch.map((b) => b.candidate));
  }
  return all;
}

async function start(candidate: Api, questionId: string): Promise<string> {
  const res = await candidate.post('/candidate/answers', { questionId, mimeType: MIME });
  if (res.status !== 201) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Polls until the answer leaves processing; resolves with its final view and the wait. */
async function settled(candidate: Api, answerId: string, from: number) {
  for (;;) {
    const res = await candidate.get(`/candidate/answers/${answerId}`);
    if (res.body.status !== 'processing')
      return { status: res.body.status as string, error: res.body.error, ms: Date.now() - from };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-decode-bomb-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  console.log(`generating inputs (bomb: ${withBomb ? JSON.stringify(ISSUE_BOMB) : 'none'}) …`);
  const [bomb, honestChunks] = await Promise.all([
    withBomb ? makeDecodeBomb(ISSUE_BOMB) : Promise.resolve(null),
    honestClip(dir),
  ]);
  const server = spawnServer({
    PORT: String(port),
    PUBLIC_URL: origin,
    DATA_DIR: join(dir, 'data'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  try {
    await waitUntilHealthy(`${origin}/api/v1/health`, () => server.child.exitCode === null);
    const admin = await login(origin, ADMIN.email, ADMIN.password);
    const interview = await createInterview(admin, {
      questions: [
        { prompt: 'Ten seconds.', thinkSeconds: 0, maxSeconds: 10, retakes: 3 },
        { prompt: 'Long answer.', thinkSeconds: 0, maxSeconds: 600, retakes: 0 },
      ],
    });
    const [tenSeconds, long] = interview.questions.map((q) => q.id) as [string, string];
    const everyone = await candidates(admin, interview.id, recorders + 2);
    const attacker = everyone[0]!;
    const honest = everyone[1]!;
    const honestRecorders = everyone.slice(2);

    // 100 recorders sending a 150-KB slice a second each, staggered over the second.
    const latencies: number[] = [];
    let failures = 0;
    const chunk = Buffer.alloc(CHUNK_BYTES, 1);
    const takes = await Promise.all(honestRecorders.map((c) => start(c, long)));
    const endAt = Date.now() + seconds * 1000;
    const recording = honestRecorders.map(async (c, r) => {
      await new Promise((resolve) => setTimeout(resolve, (r * 1000) / recorders));
      for (let index = 0; Date.now() < endAt; index++) {
        const began = Date.now();
        const res = await c.putChunk(takes[r]!, index, chunk);
        latencies.push(Date.now() - began);
        if (res.status !== 200) failures++;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, 1000 - (Date.now() - began))),
        );
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 2000));
    let bombOutcome: Promise<unknown> = Promise.resolve('no bomb');
    if (bomb) {
      const id = await start(attacker, tenSeconds);
      const put = await attacker.putChunk(id, 0, bomb);
      if (put.status !== 200) throw new Error(`bomb upload: ${put.status}`);
      await attacker.post(`/candidate/answers/${id}/complete`, {
        chunkCount: 1,
        durationMs: 10_000,
      });
      bombOutcome = settled(attacker, id, Date.now());
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const honestId = await start(honest, tenSeconds);
    for (const [i, piece] of honestChunks.entries()) await honest.putChunk(honestId, i, piece);
    const completedAt = Date.now();
    await honest.post(`/candidate/answers/${honestId}/complete`, {
      chunkCount: 6,
      durationMs: 6000,
    });
    const honestOutcome = await settled(honest, honestId, completedAt);
    const bombResult = await bombOutcome;
    await Promise.all(recording);

    const sorted = sortedCopy(latencies);
    const report = {
      recorders,
      seconds,
      bomb: withBomb ? { ...ISSUE_BOMB, bytes: bomb!.length, outcome: bombResult } : null,
      chunkUploads: {
        count: latencies.length,
        failed: failures,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1],
      },
      honestSixSecondAnswer: { ...honestOutcome, targetMs: 10_000 },
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await stopProcess(server.child);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
