/**
 * Media-job throughput: answers per minute when many recordings are submitted at once, for a
 * mix of H.264 (remuxed) and VP8 (re-encoded with libx264) sources.
 *
 *   npx tsx scripts/bench/transcode-throughput.ts [--answers 8] [--clip-seconds 30]
 *     [--configs embedded-c1,embedded-c2,scaleout-w1,scaleout-w2] [--quiet-wait-s 180]
 *
 * Per configuration: a fresh server, `answers` candidates each uploading one 720p clip in ~1 s
 * chunks (not timed), then every answer completed at the same moment; the clock runs from the
 * first `complete` until the last answer reads `ready`. Half the answers are H.264/AAC
 * fragmented MP4 (Safari), half VP8/Opus WebM (Chrome, Firefox).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ffmpegClip } from '../../test/helpers/media-fixtures.js';
import { BENCH_ADMIN, prepareApiRecorders } from './ingest/api-recorders.js';
import { mapConcurrently } from './ingest/concurrency.js';
import { httpRequest, jsonRequest } from './ingest/http-client.js';
import type { Instrumentation } from './ingest/instrumented-process.js';
import { coresBusy, machineCpuTicks, waitForQuietMachine } from './ingest/machine-load.js';
import { MULTIPART_CONTENT_TYPE, multipartChunk } from './ingest/payloads.js';
import { launchEmbedded } from './ingest/setups/embedded.js';
import { launchScaleOut } from './ingest/setups/scaleout.js';
import type { LaunchedServers, RecorderTarget } from './ingest/types.js';

interface Source {
  codec: 'H.264' | 'VP8';
  mimeType: string;
  chunks: Buffer[];
}

interface Config {
  name: string;
  label: string;
  launch: (instrumentation: Instrumentation) => Promise<LaunchedServers>;
}

const CONFIGS: Config[] = [
  {
    name: 'embedded-c1',
    label: 'embedded, JOB_CONCURRENCY=1',
    launch: (i) => launchEmbedded(i, { JOB_CONCURRENCY: '1' }),
  },
  {
    name: 'embedded-c2',
    label: 'embedded, JOB_CONCURRENCY=2',
    launch: (i) => launchEmbedded(i, { JOB_CONCURRENCY: '2' }),
  },
  {
    name: 'scaleout-w1',
    label: 'scale-out, 1 API + 1 worker',
    launch: (i) =>
      launchScaleOut(i, { apiProcesses: 1, workerProcesses: 1, jobConcurrency: 1, storage: 's3' }),
  },
  {
    name: 'scaleout-w2',
    label: 'scale-out, 1 API + 2 workers',
    launch: (i) =>
      launchScaleOut(i, { apiProcesses: 1, workerProcesses: 2, jobConcurrency: 1, storage: 's3' }),
  },
];

interface Row {
  label: string;
  answers: number;
  wallSeconds: number;
  answersPerMinute: number;
  meanReadySeconds: Record<Source['codec'], number>;
  failed: number;
  machineBusyCores: number;
  /** Cores other people's work was using just before: this machine is shared. */
  busyBeforeCores: number;
}

/** Cuts a file into `pieces` chunks of about equal size, as a 1-s MediaRecorder timeslice would. */
function chunked(bytes: Buffer, pieces: number): Buffer[] {
  const size = Math.ceil(bytes.length / pieces);
  return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  );
}

async function makeSources(seconds: number): Promise<Source[]> {
  const h264 = await ffmpegClip({
    seconds,
    videoCodec: 'h264',
    audioCodec: 'aac',
    container: 'mp4',
    fragmented: true,
  });
  const vp8 = await ffmpegClip({
    seconds,
    videoCodec: 'vp8',
    audioCodec: 'opus',
    container: 'webm',
  });
  return [
    { codec: 'H.264', mimeType: 'video/mp4', chunks: chunked(await readFile(h264), seconds) },
    {
      codec: 'VP8',
      mimeType: 'video/webm;codecs=vp8,opus',
      chunks: chunked(await readFile(vp8), seconds),
    },
  ];
}

async function uploadAll(target: RecorderTarget, source: Source): Promise<void> {
  if (target.kind !== 'api') throw new Error('not an API recorder');
  for (const [index, chunk] of source.chunks.entries()) {
    const response = await httpRequest({
      method: 'PUT',
      url: `${target.origin}/api/v1/candidate/answers/${target.answerId}/chunks/${index}`,
      headers: { authorization: `Bearer ${target.token}`, 'content-type': MULTIPART_CONTENT_TYPE },
      body: multipartChunk(chunk),
    });
    if (response.status !== 200)
      throw new Error(`chunk ${index}: ${response.status} ${response.body}`);
  }
}

/** Completes the answer, then polls until it is ready or failed; returns seconds and outcome. */
async function completeAndWait(
  target: RecorderTarget,
  source: Source,
  seconds: number,
  startedMs: number,
): Promise<{ seconds: number; ok: boolean }> {
  if (target.kind !== 'api') throw new Error('not an API recorder');
  const answerUrl = `${target.origin}/api/v1/candidate/answers/${target.answerId}`;
  await jsonRequest('POST', `${answerUrl}/complete`, {
    token: target.token,
    expect: 202,
    body: { chunkCount: source.chunks.length, durationMs: seconds * 1000 },
  });
  for (;;) {
    const { status } = await jsonRequest<{ status: string }>('GET', answerUrl, {
      token: target.token,
    });
    if (status === 'ready' || status === 'failed') {
      return { seconds: (performance.now() - startedMs) / 1000, ok: status === 'ready' };
    }
    await sleep(250);
  }
}

async function measure(
  config: Config,
  sources: Source[],
  answers: number,
  seconds: number,
  quietWaitMs: number,
): Promise<Row> {
  const probeDir = await mkdtemp(join(tmpdir(), 'transcode-probe-'));
  const servers = await config.launch({ probeDir });
  try {
    const mix = Array.from({ length: answers }, (_, i) => sources[i % sources.length]!);
    const targets = await prepareApiRecorders(
      servers.origins,
      BENCH_ADMIN,
      mix.map((s) => s.mimeType),
    );
    await mapConcurrently(targets, 4, (target, i) => uploadAll(target, mix[i]!));
    const busyBeforeCores = await waitForQuietMachine(0.5, quietWaitMs);
    const machineBefore = machineCpuTicks();
    const startedMs = performance.now();
    const results = await Promise.all(
      targets.map((target, i) => completeAndWait(target, mix[i]!, seconds, startedMs)),
    );
    const wallSeconds = (performance.now() - startedMs) / 1000;
    const meanFor = (codec: Source['codec']) => {
      const times = results.filter((_r, i) => mix[i]!.codec === codec).map((r) => r.seconds);
      return times.reduce((sum, t) => sum + t, 0) / Math.max(1, times.length);
    };
    return {
      label: config.label,
      answers,
      wallSeconds,
      answersPerMinute: (answers / wallSeconds) * 60,
      meanReadySeconds: { 'H.264': meanFor('H.264'), VP8: meanFor('VP8') },
      failed: results.filter((r) => !r.ok).length,
      machineBusyCores: coresBusy(machineBefore, machineCpuTicks(), wallSeconds),
      busyBeforeCores,
    };
  } finally {
    await servers.stop();
    await rm(probeDir, { recursive: true, force: true });
  }
}

function table(rows: Row[], seconds: number): string {
  const lines = rows.map(
    (r) =>
      `| ${r.label} | ${r.answers} | ${r.wallSeconds.toFixed(1)} | ${r.answersPerMinute.toFixed(1)} | ` +
      `${r.meanReadySeconds['H.264'].toFixed(1)} | ${r.meanReadySeconds.VP8.toFixed(1)} | ${r.failed} | ` +
      `${r.machineBusyCores.toFixed(2)} (${r.busyBeforeCores.toFixed(2)} before) |`,
  );
  return [
    `| configuration | answers (½ H.264, ½ VP8, ${seconds} s 720p) | all ready after s | answers/min | mean H.264 complete→ready s | mean VP8 complete→ready s | failed | machine cores busy |`,
    `|${'---|'.repeat(8)}`,
    ...lines,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      answers: { type: 'string', default: '8' },
      'clip-seconds': { type: 'string', default: '30' },
      configs: { type: 'string', default: CONFIGS.map((c) => c.name).join(',') },
      'quiet-wait-s': { type: 'string', default: '180' },
    },
  });
  const answers = Number(values.answers);
  const seconds = Number(values['clip-seconds']);
  const chosen = values.configs.split(',').map((name) => {
    const config = CONFIGS.find((c) => c.name === name);
    if (!config)
      throw new Error(`unknown config ${name}; known: ${CONFIGS.map((c) => c.name).join(', ')}`);
    return config;
  });
  const sources = await makeSources(seconds);
  const rows: Row[] = [];
  for (const config of chosen) {
    console.log(`${config.label}: ${answers} answers …`);
    const row = await measure(
      config,
      sources,
      answers,
      seconds,
      Number(values['quiet-wait-s']) * 1000,
    );
    console.log(
      `  ${row.answersPerMinute.toFixed(1)} answers/min, all ready after ${row.wallSeconds.toFixed(1)} s`,
    );
    rows.push(row);
  }
  console.log(`\n${table(rows, seconds)}`);
}

main().then(
  // The media fixtures helper may keep a browser handle; nothing else is left running.
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
