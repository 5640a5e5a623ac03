import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { AnswerBudget } from './answer-budget.js';
import { planEncode } from './encode-plan.js';
import type { FfmpegBinaries } from './ffmpeg-binaries.js';
import { createCommand, FfmpegFailure, runCommand } from './ffmpeg-command.js';
import { makePoster } from './poster.js';
import { type MediaInfo, probeMedia } from './probe.js';
import { UnplayableMediaError } from './unplayable-media-error.js';

export { UnplayableMediaError, type UnplayableReason } from './unplayable-media-error.js';

export interface ConvertRecordingOptions {
  /** The binaries from locateFfmpeg(). */
  binaries: FfmpegBinaries;
  /** The recording as uploaded: the candidate's chunks concatenated. */
  inputPath: string;
  /** Where `answer.mp4` and `poster.jpg` are written (must exist). */
  workDir: string;
  /** The longest recording accepted, e.g. the question's limit; 2 s of recorder latency are forgiven. */
  maxDurationMs: number;
  /** The client's measured length: drives progress when the file does not say (Chrome WebM). */
  expectedDurationMs?: number;
  /** 0..100, rising, whole numbers. */
  onProgress?: (percent: number) => void;
  log?: Logger;
  /**
   * What decoding this input may cost (from answerBudget). With it, frames are counted before
   * anything is decoded and an input over budget is refused; reaching the timeout is the input's
   * fault (too_costly), not a failure worth a retry.
   */
  decodeLimits?: DecodeLimits;
}

export type DecodeLimits = Pick<AnswerBudget, 'maxFrames' | 'maxPixels' | 'encodeTimeoutMs'>;

export interface ConvertedRecording {
  videoPath: string;
  /** Null for audio-only recordings. */
  posterPath: string | null;
  /** Probed from the output, not trusted from the client. */
  durationMs: number;
  /** As displayed (rotation applied); null for audio only. */
  width: number | null;
  height: number | null;
  mode: 'remux' | 'transcode';
  /** Milliseconds per step; `finish` is the output's probe and the poster, run together. */
  timingsMs: { probe: number; encode: number; finish: number };
}

/** The recorder may overrun the question's limit by a beat before `stop()` takes effect. */
const DURATION_GRACE_MS = 2000;
const MAX_SIDE = 4096;
/** Shorter than this, nothing a reviewer could watch came out. */
const MIN_DURATION_MS = 200;
/** What browsers' MediaRecorder and phones produce (ffprobe demuxer names). */
const RECORDING_CONTAINERS = new Set([
  'matroska',
  'webm',
  'mov',
  'mp4',
  'ogg',
  'wav',
  'mp3',
  'aac',
  'flac',
]);
/** fluent-ffmpeg's message when it killed ffmpeg at the command's timeout. */
const TIMED_OUT = /ran into a timeout/;
/** ffmpeg complaints about this machine or this ffmpeg build (retry, fix), not about the upload. */
const OUR_TROUBLE =
  /No space left|Cannot allocate memory|Too many open files|Read-only file system|Permission denied|Unrecognized option|Option not found|Unknown encoder|Encoder not found/i;

/**
 * Turns a browser recording into an H.264/AAC MP4 with its index first, plus a JPEG poster.
 * Throws UnplayableMediaError when the input itself is at fault; any other error is worth a retry.
 */
export async function convertRecording(
  options: ConvertRecordingOptions,
): Promise<ConvertedRecording> {
  const { binaries, inputPath, workDir, maxDurationMs, log } = options;
  const videoPath = join(workDir, 'answer.mp4');
  const clock = stopwatch();

  const limits = options.decodeLimits;
  const input = await probeMedia(inputPath, binaries, { countFrames: limits !== undefined });
  checkInput(input, maxDurationMs);
  if (limits) checkDecodeCost(input, limits);
  const probe = clock.lap();

  const plan = planEncode(input);
  const expectedMs = options.expectedDurationMs ?? input.durationMs;
  await encode(
    options,
    plan.outputOptions,
    videoPath,
    progressReporter(expectedMs, options.onProgress),
  );
  const encodeMs = clock.lap();

  // Probing the output and cutting its poster are independent reads: run them side by side.
  const [probed, poster] = await Promise.allSettled([
    probeMedia(videoPath, binaries),
    input.video
      ? makePoster(binaries, { videoPath, durationHintMs: expectedMs }, join(workDir, 'poster.jpg'))
      : Promise.resolve(null),
  ]);
  if (probed.status === 'rejected') throw unreadableOutput(probed.reason);
  const output = probed.value;
  const durationMs = checkOutput(input, output, maxDurationMs);
  if (poster.status === 'rejected') throw poster.reason;
  const posterPath = output.video ? poster.value : null;
  const timingsMs = { probe, encode: encodeMs, finish: clock.lap() };
  options.onProgress?.(100);
  log?.info({ mode: plan.mode, input, durationMs, timingsMs }, 'recording converted');
  return {
    videoPath,
    posterPath,
    durationMs,
    width: output.video?.width ?? null,
    height: output.video?.height ?? null,
    mode: plan.mode,
    timingsMs,
  };
}

/** ffmpeg wrote a file that ffprobe cannot read: nothing in the input could be decoded. */
function unreadableOutput(reason: unknown): unknown {
  return reason instanceof UnplayableMediaError
    ? new UnplayableMediaError('empty', reason.detail)
    : reason;
}

function checkInput(info: MediaInfo, maxDurationMs: number): void {
  // ffprobe reads a text file as "tty" video, a photo as one frame: only recorder containers count.
  if (!info.formatName.split(',').some((name) => RECORDING_CONTAINERS.has(name))) {
    throw new UnplayableMediaError('not_media', `container ${info.formatName}`);
  }
  if (!info.video && !info.audio) throw new UnplayableMediaError('no_streams');
  if (info.video) {
    const { width, height } = info.video;
    if (width < 2 || height < 2 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new UnplayableMediaError('bad_dimensions', `${width}x${height}`);
    }
  }
  if (info.durationMs !== null && info.durationMs > maxDurationMs + DURATION_GRACE_MS) {
    throw new UnplayableMediaError('too_long', `${info.durationMs} ms`);
  }
}

/**
 * A decode bomb (a huge picture repeated at a thousand frames a second, each frame a few bytes)
 * is cheap to upload and ruinous to decode: refuse it from the counted frames, before decoding.
 */
function checkDecodeCost(info: MediaInfo, limits: DecodeLimits): void {
  if (!info.video) return;
  const frames = info.video.frames ?? 0;
  const pixels = frames * info.video.width * info.video.height;
  if (frames > limits.maxFrames || pixels > limits.maxPixels) {
    throw new UnplayableMediaError(
      'too_costly',
      `${frames} frames of ${info.video.width}x${info.video.height}`,
    );
  }
}

/** The output decides the real length: Chrome's WebM does not state one. */
function checkOutput(input: MediaInfo, output: MediaInfo, maxDurationMs: number): number {
  const durationMs = output.durationMs ?? 0;
  if (durationMs < MIN_DURATION_MS || (!output.video && !output.audio)) {
    throw new UnplayableMediaError('empty', `${durationMs} ms`);
  }
  // The encode stops one second past the limit, so an overlong input shows up here.
  if (durationMs > maxDurationMs + DURATION_GRACE_MS)
    throw new UnplayableMediaError('too_long', `${durationMs} ms`);
  if (input.video && !output.video)
    throw new UnplayableMediaError('damaged', 'no picture could be decoded');
  return durationMs;
}

async function encode(
  options: ConvertRecordingOptions,
  planOptions: string[],
  videoPath: string,
  onTimemark: (seconds: number) => void,
): Promise<void> {
  const capSeconds = (options.maxDurationMs + DURATION_GRACE_MS + 1000) / 1000;
  const limits = options.decodeLimits;
  // Generous: a 2-core box encodes at about realtime in the worst case.
  const timeoutSeconds = limits
    ? Math.ceil(limits.encodeTimeoutMs / 1000)
    : Math.ceil(60 + 3 * capSeconds);
  const command = createCommand(options.binaries, { timeoutSeconds })
    .input(options.inputPath)
    .outputOptions([
      ...planOptions,
      '-t',
      capSeconds.toFixed(3),
      '-map_metadata',
      '-1',
      '-movflags',
      '+faststart',
    ])
    .format('mp4')
    .output(videoPath);
  try {
    const { stderrTail } = await runCommand(command, { onTimemark });
    if (/Error while decoding|Invalid data found|corrupt/i.test(stderrTail)) {
      options.log?.warn(
        { stderrTail },
        'the recording has damaged parts; kept what could be decoded',
      );
    }
  } catch (error) {
    await rm(videoPath, { force: true });
    throw classifyEncodeFailure(error, limits !== undefined);
  }
}

function classifyEncodeFailure(error: unknown, timeoutFromBudget: boolean): Error {
  if (!(error instanceof FfmpegFailure))
    return error instanceof Error ? error : new Error(String(error));
  // A budget's timeout pays for honest video of the allowed length three times over: an input
  // that outlasts it costs more than it may, and another try would cost as much again.
  if (timeoutFromBudget && TIMED_OUT.test(error.message))
    return new UnplayableMediaError('too_costly', error.message);
  // Killed (timeout, shutdown), out of disk, an ffmpeg too old: not the upload's fault.
  if (error.exitCode === null || OUR_TROUBLE.test(error.stderrTail)) return error;
  return new UnplayableMediaError('damaged', error.stderrTail);
}

/** Turns ffmpeg's position into a rising whole percentage, kept below 100 until the poster exists. */
function progressReporter(
  expectedMs: number | null,
  onProgress: ((percent: number) => void) | undefined,
): (seconds: number) => void {
  let last = -1;
  return (seconds) => {
    if (!onProgress || !expectedMs || expectedMs <= 0) return;
    const percent = Math.min(99, Math.max(0, Math.floor((seconds * 1000 * 100) / expectedMs)));
    if (percent <= last) return;
    last = percent;
    onProgress(percent);
  };
}

function stopwatch(): { lap(): number } {
  let mark = performance.now();
  return {
    lap() {
      const now = performance.now();
      const elapsed = Math.round(now - mark);
      mark = now;
      return elapsed;
    },
  };
}
