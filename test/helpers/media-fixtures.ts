/**
 * Media made on the fly for tests (no committed binaries). Everything is memoized per process
 * in one temp dir, removed at exit. Call `closeMediaFixtures()` in a root `after` hook (it is
 * idempotent) so Chromium closes promptly; the process exit closes it anyway.
 *
 *   const clip = await ffmpegClip({ seconds: 3, videoCodec: 'vp8', audioCodec: 'opus', container: 'webm' });
 *   const { mimeType, chunks } = await recordInChromium({ mimeType: 'video/webm;codecs=vp8,opus', seconds: 3 });
 *   const safari = await safariLikeMp4Chunks(3);
 *   const junk = notMediaBytes();
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type BrowserContext, chromium } from 'playwright-core';
import { locateFfmpeg } from '../../server/media/ffmpeg-binaries.js';
import { createCommand, runCommand } from '../../server/media/ffmpeg-command.js';
import { CHROMIUM_ARGS } from './browser.js';

export type ClipVideoCodec = 'h264' | 'vp8' | 'vp9';
export type ClipAudioCodec = 'aac' | 'opus' | 'vorbis';

export interface ClipSpec {
  seconds: number;
  videoCodec: ClipVideoCodec | null;
  audioCodec: ClipAudioCodec | null;
  container: 'mp4' | 'webm' | 'mkv';
  /** Default 1280x720. H.264 needs even sizes (yuv420p); VP8/VP9 accept odd ones. */
  width?: number;
  height?: number;
  /** MP4 only: fragmented as a browser's MediaRecorder writes it, ~1 s fragments. */
  fragmented?: boolean;
}

export interface RecordedChunks {
  mimeType: string;
  /** In the order they were produced; their concatenation is the recording. */
  chunks: Buffer[];
}

export interface ChromiumRecordingSpec {
  /** e.g. 'video/webm;codecs=vp8,opus', 'video/webm;codecs=h264,opus', 'video/mp4;codecs=avc1,opus'. */
  mimeType: string;
  seconds: number;
  timesliceMs?: number;
}

const FPS = 30;
let workDir: string | null = null;
const memo = new Map<string, Promise<unknown>>();

/** The per-process temp dir holding every fixture (created on first use). */
export function fixturesDir(): string {
  if (!workDir) {
    const dir = mkdtempSync(join(tmpdir(), 'media-fixtures-'));
    workDir = dir;
    process.once('exit', () => {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // A browser still writing its profile as we exit: the OS cleans temp dirs anyway.
      }
    });
  }
  return workDir;
}

/** The binaries the tests use: whatever the server would pick in this environment. */
export const testFfmpeg = locateFfmpeg(process.env, pino({ level: 'silent' }));

function remember<T>(key: string, make: () => Promise<T>): Promise<T> {
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) {
    found = make();
    memo.set(key, found);
    // A failure is not remembered: the next caller tries again.
    found.catch(() => memo.delete(key));
  }
  return found;
}

/** A small H.264/AAC MP4 (320×240) every browser plays, copied to `file`: the clip page harnesses serve. */
export async function writePlayableMp4(file: string, seconds: number): Promise<void> {
  const clip = await ffmpegClip({
    seconds,
    videoCodec: 'h264',
    audioCodec: 'aac',
    container: 'mp4',
    width: 320,
    height: 240,
  });
  await copyFile(clip, file);
}

/** What Safari and phones record: H.264 video and AAC audio in MP4. */
export const H264_AAC_MP4 = { videoCodec: 'h264', audioCodec: 'aac', container: 'mp4' } as const;
/** What Chromium and Firefox record: VP8 video and Opus audio in WebM. */
export const VP8_OPUS_WEBM = { videoCodec: 'vp8', audioCodec: 'opus', container: 'webm' } as const;

/** A test-pattern clip (testsrc2 + a 440 Hz sine) encoded as asked; returns its path. */
export function ffmpegClip(spec: ClipSpec): Promise<string> {
  const { seconds, videoCodec, audioCodec, container } = spec;
  const width = spec.width ?? 1280;
  const height = spec.height ?? 720;
  const fragmented = spec.fragmented === true && container === 'mp4';
  const name = `clip-${seconds}s-${videoCodec}-${audioCodec}-${width}x${height}${fragmented ? '-frag' : ''}.${container}`;
  return remember(name, async () => {
    if (!videoCodec && !audioCodec) throw new Error('a clip needs a video or an audio codec');
    const output = join(fixturesDir(), name);
    const command = createCommand(testFfmpeg);
    if (videoCodec) {
      command
        .input(`testsrc2=size=${width}x${height}:rate=${FPS}:duration=${seconds}`)
        .inputFormat('lavfi');
    }
    if (audioCodec) {
      command
        .input(`sine=frequency=440:sample_rate=48000:duration=${seconds}`)
        .inputFormat('lavfi');
    }
    command.outputOptions([...videoOptions(videoCodec), ...audioOptions(audioCodec)]);
    if (fragmented)
      command.outputOptions(['-movflags', 'frag_keyframe+empty_moov+default_base_moof']);
    await runCommand(command.output(output));
    return output;
  });
}

function videoOptions(codec: ClipVideoCodec | null): string[] {
  // One keyframe a second, like MediaRecorder, so fragments are ~1 s.
  const gop = ['-g', String(FPS)];
  if (codec === 'h264')
    return ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', ...gop];
  if (codec === 'vp8')
    return ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '1M', ...gop];
  if (codec === 'vp9') {
    return [
      '-c:v',
      'libvpx-vp9',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-row-mt',
      '1',
      '-b:v',
      '1M',
      ...gop,
    ];
  }
  return ['-vn'];
}

function audioOptions(codec: ClipAudioCodec | null): string[] {
  if (codec === 'aac') return ['-c:a', 'aac', '-b:a', '96k'];
  if (codec === 'opus') return ['-c:a', 'libopus', '-b:a', '64k'];
  if (codec === 'vorbis') return ['-c:a', 'libvorbis', '-q:a', '3'];
  return ['-an'];
}

/**
 * What Safari's MediaRecorder hands over: a fragmented H.264/AAC MP4 in pieces cut at
 * arbitrary byte offsets (not at fragment boundaries), ~1 s of media per piece.
 */
export function safariLikeMp4Chunks(seconds: number): Promise<RecordedChunks> {
  return remember(`safari-${seconds}`, async () => {
    const path = await ffmpegClip({
      seconds,
      videoCodec: 'h264',
      audioCodec: 'aac',
      container: 'mp4',
      fragmented: true,
    });
    const bytes = await readFile(path);
    return { mimeType: 'video/mp4', chunks: sliceIrregularly(bytes, seconds) };
  });
}

/** Cuts `bytes` into about `pieces` parts of uneven, deterministic sizes. */
export function sliceIrregularly(bytes: Buffer, pieces: number): Buffer[] {
  const average = Math.max(1, Math.floor(bytes.length / Math.max(1, pieces)));
  const chunks: Buffer[] = [];
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    // 60 %..140 % of the average, varying with the index: never a "nice" boundary.
    const size = Math.max(1, Math.round(average * (0.6 + ((i * 37) % 81) / 100)));
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

/** Real MediaRecorder output from Chromium's fake camera and microphone, chunk by chunk. */
export function recordInChromium(spec: ChromiumRecordingSpec): Promise<RecordedChunks> {
  const timesliceMs = spec.timesliceMs ?? 1000;
  const key = `chromium-${spec.mimeType}-${spec.seconds}-${timesliceMs}`;
  return remember(key, async () => {
    const { context, pageUrl } = await startChromium();
    const page = await context.newPage();
    try {
      await page.goto(pageUrl);
      const base64Chunks = await page.evaluate(recordInPage, { ...spec, timesliceMs });
      return { mimeType: spec.mimeType, chunks: base64Chunks.map((c) => Buffer.from(c, 'base64')) };
    } finally {
      await page.close();
    }
  });
}

/** Runs inside the page: records the fake devices and returns each chunk as base64. */
async function recordInPage(spec: Required<ChromiumRecordingSpec>): Promise<string[]> {
  if (!MediaRecorder.isTypeSupported(spec.mimeType)) {
    throw new Error(`this Chromium cannot record ${spec.mimeType}`);
  }
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: 1280, height: 720, frameRate: 30 },
    audio: true,
  });
  // Without a key-frame interval Chrome's MP4 recorder ignores the timeslice.
  const options = { mimeType: spec.mimeType, videoKeyFrameIntervalDuration: spec.timesliceMs };
  const recorder = new MediaRecorder(stream, options);
  const blobs: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) blobs.push(event.data);
  };
  const stopped = new Promise((resolve) => {
    recorder.onstop = resolve;
  });
  recorder.start(spec.timesliceMs);
  await new Promise((resolve) => setTimeout(resolve, spec.seconds * 1000));
  recorder.stop();
  await stopped;
  for (const track of stream.getTracks()) track.stop();
  // No named inner functions here: tsx would wrap them in a `__name` helper the page lacks.
  return Promise.all(
    blobs.map(
      (blob) =>
        new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          // The data URL's type holds commas ("codecs=vp8,opus"): cut at ";base64,".
          reader.onload = () => {
            const url = String(reader.result);
            resolve(url.slice(url.indexOf(';base64,') + ';base64,'.length));
          };
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(blob);
        }),
    ),
  );
}

interface ChromiumSession {
  context: BrowserContext;
  server: Server;
  pageUrl: string;
}

let chromiumSession: Promise<ChromiumSession> | null = null;

/** One browser per process, reused by every recording. */
function startChromium(): Promise<ChromiumSession> {
  chromiumSession ??= launchChromium();
  return chromiumSession;
}

async function launchChromium(): Promise<ChromiumSession> {
  // getUserMedia needs a secure context: http://127.0.0.1 is one.
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>recorder</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  const profile = mkdtempSync(join(fixturesDir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return { context, server, pageUrl: `http://127.0.0.1:${port}/` };
}

/** Bytes that no demuxer accepts: a text document with some binary noise. */
export function notMediaBytes(): Buffer {
  const text = Buffer.from('%PDF-1.4\nThis is a cover letter, not a video.\n'.repeat(200));
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
  return Buffer.concat([text, noise]);
}

/** Writes `data` (one buffer or chunks to concatenate) under the fixtures dir; returns the path. */
export async function writeFixtureFile(name: string, data: Buffer | Buffer[]): Promise<string> {
  const path = join(fixturesDir(), name);
  await writeFile(path, Array.isArray(data) ? Buffer.concat(data) : data);
  return path;
}

/** Closes Chromium and the page server. Safe to call more than once. */
export async function closeMediaFixtures(): Promise<void> {
  const session = chromiumSession;
  chromiumSession = null;
  if (!session) return;
  const started = await session.catch(() => null); // A launch that failed has nothing to close.
  if (!started) return;
  await started.context.close();
  started.server.close();
}

/**
 * 12 s of 720p VP8/Opus WebM: VP8 must be re-encoded, and this takes long enough that a process
 * killed once its ffmpeg is at work dies mid-transcode.
 */
export function slowToTranscodeClip(): Promise<string> {
  return ffmpegClip({ ...VP8_OPUS_WEBM, seconds: 12, width: 1280, height: 720 });
}
