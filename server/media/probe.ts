import { stat } from 'node:fs/promises';
import type { FfprobeData, FfprobeStream } from 'fluent-ffmpeg';
import type { FfmpegBinaries } from './ffmpeg-binaries.js';
import { createCommand, FfmpegFailure, tail } from './ffmpeg-command.js';
import { UnplayableMediaError } from './unplayable-media-error.js';

export interface VideoInfo {
  codec: string;
  /** As displayed: a phone's portrait clip stored sideways with a 90° rotation is portrait here. */
  width: number;
  height: number;
  /** Average frame rate; null when the container does not say (Chrome's WebM). */
  fps: number | null;
  /** Degrees the player turns the picture (0, 90, 180, 270). */
  rotation: number;
  /** e.g. "yuv420p"; null when unknown. */
  pixelFormat: string | null;
  /** Frames (packets) in the stream, counted by demuxing; null unless asked for. */
  frames?: number | null;
}

export interface AudioInfo {
  codec: string;
  channels: number | null;
}

export interface MediaInfo {
  /** ffprobe's demuxer name, e.g. "matroska,webm" or "mov,mp4,m4a,3gp,3g2,mj2". */
  formatName: string;
  /** Null when the header does not say: Chrome's WebM has no duration until remuxed. */
  durationMs: number | null;
  video: VideoInfo | null;
  audio: AudioInfo | null;
}

/**
 * Reads what a file contains. Bytes that ffprobe cannot make sense of raise
 * UnplayableMediaError; a missing file or a broken ffprobe raise ordinary errors.
 */
export async function probeMedia(
  file: string,
  binaries: FfmpegBinaries,
  options: { countFrames?: boolean } = {},
): Promise<MediaInfo> {
  await stat(file); // A missing file is our fault, not the upload's: let ENOENT through.
  // Counting reads every packet but decodes none: a fraction of a second for a long answer.
  const data = await runFfprobe(file, binaries, options.countFrames ? ['-count_packets'] : []);
  const video = data.streams.find(isPicture);
  const audio = data.streams.find((stream) => stream.codec_type === 'audio');
  return {
    formatName: String(data.format.format_name ?? ''),
    durationMs: readDurationMs(data),
    video: video ? readVideo(video) : null,
    audio: audio
      ? { codec: String(audio.codec_name ?? 'unknown'), channels: positive(audio.channels) }
      : null,
  };
}

function runFfprobe(
  file: string,
  binaries: FfmpegBinaries,
  extraOptions: string[],
): Promise<FfprobeData> {
  return new Promise((resolve, reject) => {
    const command = createCommand(binaries).input(file);
    command.ffprobe(['-v', 'error', ...extraOptions], (error: Error | null, data: FfprobeData) => {
      if (!error) return resolve(data);
      const [firstLine = '', ...rest] = error.message.split('\n');
      const code = /exited with code (\d+)/.exec(firstLine)?.[1];
      // ffprobe ran and rejected the bytes: the upload is at fault. Anything else is ours.
      if (code !== undefined)
        return reject(new UnplayableMediaError('not_media', tail(rest.join('\n'))));
      reject(new FfmpegFailure(firstLine, null, ''));
    });
  });
}

/** Cover art attached to an audio file is a "video" stream too; it is not a recording. */
function isPicture(stream: FfprobeStream): boolean {
  return stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1;
}

function readVideo(stream: FfprobeStream): VideoInfo {
  const rotation = readRotation(stream);
  const width = positive(stream.width) ?? 0;
  const height = positive(stream.height) ?? 0;
  const sideways = rotation === 90 || rotation === 270;
  return {
    codec: String(stream.codec_name ?? 'unknown'),
    width: sideways ? height : width,
    height: sideways ? width : height,
    fps: readRate(stream.avg_frame_rate),
    rotation,
    pixelFormat: stream.pix_fmt && stream.pix_fmt !== 'unknown' ? String(stream.pix_fmt) : null,
    frames: positive((stream as { nb_read_packets?: unknown }).nb_read_packets),
  };
}

/** ffmpeg 5+ reports a display matrix `rotation`; older builds a `rotate` tag. */
function readRotation(stream: FfprobeStream): number {
  const tags: unknown = stream.tags;
  const tagged =
    typeof tags === 'object' && tags !== null && 'rotate' in tags ? tags.rotate : undefined;
  const degrees = Number(stream.rotation ?? tagged ?? 0);
  if (!Number.isFinite(degrees)) return 0;
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

function readDurationMs(data: FfprobeData): number | null {
  const candidates = [data.format.duration, ...data.streams.map((stream) => stream.duration)];
  for (const candidate of candidates) {
    const seconds = Number(candidate);
    if (Number.isFinite(seconds) && seconds > 0) return Math.round(seconds * 1000);
  }
  return null;
}

/** "30000/1001" → 29.97; "0/0" (unknown) → null. */
function readRate(rate: string | undefined): number | null {
  const [numerator, denominator] = String(rate ?? '')
    .split('/')
    .map(Number);
  if (!numerator || !denominator) return null;
  const fps = numerator / denominator;
  return Number.isFinite(fps) && fps > 0 && fps <= 240 ? Math.round(fps * 1000) / 1000 : null;
}

function positive(value: unknown): number | null {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : null;
}
