/**
 * How long a candidate waits between "stop" and "ready" for a long answer.
 *
 *   npx tsx scripts/bench/transcode.ts [--seconds 180] [--direct] [--compare-presets] [--runs 1]
 *
 * Default: end to end through a real server (`server/main.ts`), API v1 only; the upload is not
 * timed, the clock runs from POST .../complete until the answer reads `ready`.
 * --direct: times convertRecording() alone. --compare-presets: x264 presets on the VP8 source
 * (time, CPU, size, SSIM against the source). --runs N keeps each source's best time: on a
 * shared machine the fastest run is the closest to an idle one. Sources are cached in the temp dir.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { convertRecording } from '../../server/media/convert-recording.js';
import { planEncode, TRANSCODE_PRESET, type X264Preset } from '../../server/media/encode-plan.js';
import { type FfmpegBinaries, locateFfmpeg } from '../../server/media/ffmpeg-binaries.js';
import { createCommand, runCommand } from '../../server/media/ffmpeg-command.js';
import { probeMedia } from '../../server/media/probe.js';

interface Source {
  label: string;
  path: string;
  mimeType: string;
  /** What convertRecording does with it: copy the video, or re-encode it. */
  mode: 'remux' | 'transcode';
}

interface Row {
  label: string;
  seconds: number;
  mode: string;
}

const CACHE_DIR = join(tmpdir(), 'open-interview-bench');
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const binaries = locateFfmpeg(process.env, pino({ level: 'silent' }));

// ---------------------------------------------------------------- sources

/** 720p30 test pattern + tone, encoded the way each browser records. */
async function makeSources(seconds: number): Promise<Source[]> {
  await mkdir(CACHE_DIR, { recursive: true });
  const specs = [
    ['H.264/AAC MP4 (Safari)', 'h264-aac.mp4', 'video/mp4', 'mp4', 'remux'],
    [
      'H.264/Opus WebM (Chrome)',
      'h264-opus.mkv',
      'video/webm;codecs=h264,opus',
      'matroska',
      'remux',
    ],
    ['VP8/Opus WebM (Chrome, Firefox)', 'vp8-opus.webm', 'video/webm', 'webm', 'transcode'],
  ] as const;
  const sources: Source[] = [];
  for (const [label, file, mimeType, format, mode] of specs) {
    const path = join(CACHE_DIR, `${seconds}s-${file}`);
    if (!existsSync(path)) {
      process.stdout.write(`making ${label}, ${seconds} s (once, cached in ${CACHE_DIR}) … `);
      // Written aside then renamed: an interrupted run must not leave a half source in the cache.
      await encodeSource(seconds, file, format, `${path}.part`);
      await rename(`${path}.part`, path);
      console.log('done');
    }
    sources.push({ label, path, mimeType, mode });
  }
  return sources;
}

async function encodeSource(
  seconds: number,
  file: string,
  format: string,
  output: string,
): Promise<void> {
  const h264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '2500k', '-pix_fmt', 'yuv420p'];
  const vp8 = ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '2500k'];
  const audio = file.includes('aac')
    ? ['-c:a', 'aac', '-b:a', '128k']
    : ['-c:a', 'libopus', '-b:a', '64k'];
  // Browsers fragment their MP4: the moov is empty and every second is a moof/mdat pair.
  const fragmented =
    format === 'mp4' ? ['-movflags', 'frag_keyframe+empty_moov+default_base_moof'] : [];
  const command = createCommand(binaries)
    .input(`testsrc2=size=1280x720:rate=30:duration=${seconds}`)
    .inputFormat('lavfi')
    .input(`sine=frequency=440:sample_rate=48000:duration=${seconds}`)
    .inputFormat('lavfi')
    .outputOptions([...(file.startsWith('vp8') ? vp8 : h264), '-g', '30', ...audio, ...fragmented])
    .format(format)
    .output(output);
  await runCommand(command);
}

// ---------------------------------------------------------------- direct

async function benchDirect(sources: Source[], seconds: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const source of sources) {
    const workDir = await mkdtemp(join(tmpdir(), 'bench-convert-'));
    const started = performance.now();
    const result = await convertRecording({
      binaries,
      inputPath: source.path,
      workDir,
      maxDurationMs: (seconds + 60) * 1000,
      expectedDurationMs: seconds * 1000,
    });
    rows.push({
      label: source.label,
      seconds: (performance.now() - started) / 1000,
      mode: result.mode,
    });
    console.log(`  ${source.label}: steps ${JSON.stringify(result.timingsMs)} ms`);
    await rm(workDir, { recursive: true, force: true });
  }
  return rows;
}

// ---------------------------------------------------------------- end to end

interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  dataDir: string;
}

const ADMIN = { email: 'bench@example.com', password: 'bench-password-123' };

async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-server-'));
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  // Its log tells where the time went (joining chunks, storing); kept next to the sources.
  const logPath = join(CACHE_DIR, `server-${port}.log`);
  const logFile = await open(logPath, 'w');
  console.log(`server log: ${logPath}`);
  // Its own process group, so that stopping it also stops what npx started.
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', logFile.fd, 'inherit'],
  });
  await logFile.close(); // The child holds its own copy of the descriptor.
  // Detached, it would outlive an interrupted benchmark: stop it whenever we exit.
  process.once('exit', () => killGroup(child));
  process.once('SIGINT', () => process.exit(130));
  const baseUrl = `http://127.0.0.1:${port}/api/v1`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const healthy = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { baseUrl, child, dataDir };
    await sleep(200);
  }
  throw new Error('the server did not answer /health within 60 s');
}

async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    killGroup(server.child);
    await exited;
  }
  await rm(server.dataDir, { recursive: true, force: true });
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

async function benchEndToEnd(sources: Source[], seconds: number): Promise<Row[]> {
  const server = await startServer();
  try {
    const api = client(server.baseUrl);
    const { token } = await api<{ token: string }>('POST', '/auth/login', ADMIN);
    const staff = client(server.baseUrl, token);
    const maxSeconds = Math.min(900, Math.max(10, seconds + 30));
    const interview = await staff<ApiInterview>('POST', '/interviews', {
      title: 'Transcode benchmark',
      questions: [{ prompt: 'Tell us about yourself.', thinkSeconds: 0, maxSeconds, retakes: 10 }],
    });
    const rows: Row[] = [];
    for (const source of sources) {
      const { items } = await staff<ApiInvitations>(
        'POST',
        `/interviews/${interview.id}/invitations`,
        {
          candidates: [{ name: 'Bench Candidate', email: `bench+${rows.length}@example.com` }],
        },
      );
      const candidateToken = items[0]?.url.split('/i/').pop() ?? '';
      const candidate = client(server.baseUrl, candidateToken);
      rows.push(await answerOnce(candidate, interview.questions[0]?.id ?? '', source, seconds));
    }
    return rows;
  } finally {
    await stopServer(server);
  }
}

/** Uploads the source as ~1 s chunks (not timed), then times complete → ready. */
async function answerOnce(
  candidate: Client,
  questionId: string,
  source: Source,
  seconds: number,
): Promise<Row> {
  const answer = await candidate<ApiAnswer>('POST', '/candidate/answers', {
    questionId,
    mimeType: source.mimeType,
  });
  const bytes = await readFile(source.path);
  const chunkBytes = Math.min(answer.maxChunkBytes, Math.ceil(bytes.length / seconds));
  let chunkCount = 0;
  for (let offset = 0; offset < bytes.length; offset += chunkBytes, chunkCount++) {
    const form = new FormData();
    form.append(
      'chunk',
      new Blob([new Uint8Array(bytes.subarray(offset, offset + chunkBytes))]),
      'chunk',
    );
    await candidate('PUT', `/candidate/answers/${answer.id}/chunks/${chunkCount}`, form);
  }
  const started = performance.now();
  await candidate('POST', `/candidate/answers/${answer.id}/complete`, {
    chunkCount,
    durationMs: seconds * 1000,
  });
  for (;;) {
    const current = await candidate<ApiAnswer>('GET', `/candidate/answers/${answer.id}`);
    if (current.status === 'ready') break;
    if (current.status === 'failed') throw new Error(`${source.label} failed: ${current.error}`);
    await sleep(50);
  }
  return { label: source.label, seconds: (performance.now() - started) / 1000, mode: source.mode };
}

/** The few fields of API v1 answers the benchmark reads. */
interface ApiAnswer {
  id: string;
  status: 'recording' | 'processing' | 'ready' | 'failed';
  maxChunkBytes: number;
  error: string | null;
}
interface ApiInterview {
  id: string;
  questions: Array<{ id: string }>;
}
interface ApiInvitations {
  items: Array<{ url: string }>;
}

type Client = <T>(method: string, path: string, body?: unknown) => Promise<T>;

function client(baseUrl: string, token?: string): Client {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json as T;
  };
}

// ---------------------------------------------------------------- presets

async function comparePresets(vp8: Source, seconds: number): Promise<void> {
  const info = await probeMedia(vp8.path, binaries);
  const workDir = await mkdtemp(join(tmpdir(), 'bench-presets-'));
  console.log(`\nx264 presets on ${vp8.label}, ${seconds} s`);
  console.log('CPU = user+system seconds of ffmpeg: unlike wall time, other load barely moves it.');
  console.log('SSIM against the source over the first 30 s (1 = identical).');
  console.log('preset       wall   ÷ duration     CPU   CPU ÷ duration     size   Mbit/s   SSIM');
  for (const preset of ['veryfast', 'superfast', 'ultrafast'] satisfies X264Preset[]) {
    const output = join(workDir, `${preset}.mp4`);
    const started = performance.now();
    // -benchmark makes ffmpeg print its own user and system time when it ends.
    const options = [
      ...planEncode(info, preset).outputOptions,
      '-movflags',
      '+faststart',
      '-benchmark',
    ];
    const command = createCommand(binaries).input(vp8.path).outputOptions(options).format('mp4');
    const { stderrTail } = await runCommand(command.output(output));
    const wall = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(stderrTail);
    const megabytes = (await stat(output)).size / 1e6;
    const ssim = await measureSsim(binaries, output, vp8.path);
    console.log(
      [
        preset.padEnd(10),
        `${wall.toFixed(1).padStart(6)} s`,
        (wall / seconds).toFixed(2).padStart(10),
        `${cpu.toFixed(1).padStart(6)} s`,
        (cpu / seconds).toFixed(2).padStart(14),
        `${megabytes.toFixed(1).padStart(6)} MB`,
        ((megabytes * 8) / seconds).toFixed(2).padStart(7),
        ssim,
      ].join('  '),
    );
  }
  console.log(`(the server uses ${TRANSCODE_PRESET})`);
  await rm(workDir, { recursive: true, force: true });
}

/** "bench: utime=12.3s stime=0.4s rtime=7.9s" → 12.7 */
function cpuSeconds(stderr: string): number {
  const match = /utime=([\d.]+)s stime=([\d.]+)s/.exec(stderr);
  return match ? Number(match[1]) + Number(match[2]) : Number.NaN;
}

async function measureSsim(
  ffmpeg: FfmpegBinaries,
  encoded: string,
  reference: string,
): Promise<string> {
  const command = createCommand(ffmpeg)
    .input(encoded)
    .input(reference)
    // Both start at zero: x264's B-frame delay shifts the output by a frame or two, and a
    // comparison off by one frame of moving test pattern would measure the motion, not the loss.
    .outputOptions([
      '-t',
      '30',
      '-lavfi',
      '[0:v]setpts=PTS-STARTPTS[a];[1:v]setpts=PTS-STARTPTS[b];[a][b]ssim',
      '-an',
    ])
    .format('null')
    .output('-');
  const { stderrTail } = await runCommand(command);
  return /All:(\d+\.\d+)/.exec(stderrTail)?.[1] ?? '?';
}

// ---------------------------------------------------------------- main

function printTable(title: string, rows: Row[], seconds: number): void {
  console.log(`\n${title}`);
  console.log(
    'source                             length   stop → ready   ÷ length   × realtime  mode',
  );
  for (const row of rows) {
    const cells = [
      row.label.padEnd(32),
      `${seconds.toFixed(0).padStart(6)} s`,
      `${row.seconds.toFixed(2).padStart(11)} s`,
      (row.seconds / seconds).toFixed(3).padStart(9),
      `${(seconds / row.seconds).toFixed(1).padStart(10)}×`,
      row.mode,
    ];
    console.log(cells.join('  '));
  }
}

/** Each source's fastest run. */
function bestOf(runs: Row[][]): Row[] {
  const best = new Map<string, Row>();
  for (const row of runs.flat()) {
    const current = best.get(row.label);
    if (!current || row.seconds < current.seconds) best.set(row.label, row);
  }
  return [...best.values()];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '180' },
      runs: { type: 'string', default: '1' },
      direct: { type: 'boolean', default: false },
      'compare-presets': { type: 'boolean', default: false },
    },
  });
  const seconds = Number(values.seconds);
  const runs = Number(values.runs);
  if (!(seconds >= 1) || !(runs >= 1)) throw new Error('--seconds and --runs must be positive');
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(
    `ffmpeg ${binaries.ffmpegPath} (${binaries.source}); ${cpus().length} cores, load ${load.join(' ')}`,
  );
  const sources = await makeSources(seconds);
  const endToEnd = !values.direct && existsSync(join(REPO_ROOT, 'server/main.ts'));
  const results: Row[][] = [];
  for (let run = 0; run < runs; run++) {
    results.push(
      endToEnd ? await benchEndToEnd(sources, seconds) : await benchDirect(sources, seconds),
    );
  }
  const title = endToEnd
    ? 'End to end through the server (POST complete → status ready)'
    : 'convertRecording() alone';
  printTable(runs > 1 ? `${title}, best of ${runs}` : title, bestOf(results), seconds);
  console.log('targets: H.264 ≤ 2 s whatever the length; VP8 ≤ 0.5 × length (≥ 2× realtime)');
  const vp8 = sources.find((source) => source.mode === 'transcode');
  if (values['compare-presets'] && vp8) await comparePresets(vp8, seconds);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
