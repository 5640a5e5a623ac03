import type { MediaInfo, VideoInfo } from './probe.js';

/**
 * x264 preset for sources that must be re-encoded (VP8/VP9 from Chrome and Firefox), chosen
 * with `scripts/bench/transcode.ts --compare-presets` on a 3-minute 720p VP8 answer, CRF 23:
 *
 *   preset     CPU s per s of video   size (Mbit/s)   SSIM vs source
 *   veryfast   0.49                   2.9             0.976
 *   superfast  0.34                   4.7             0.978
 *   ultrafast  0.21                   6.8             0.978
 *
 * Same picture quality at CRF 23; slower presets only buy smaller files. The goal is "ready
 * within half the answer's length on 2 cores". Estimated from CPU time, veryfast meets it on an
 * idle machine only (~0.27×) and not with two answers processing at once (0.98 CPU s per s);
 * superfast keeps it in both cases (~0.19×, 0.68 CPU s per s), and ultrafast's files are 2.4×
 * veryfast's. Hence superfast: 60 % bigger files than veryfast, bought for headroom.
 */
export const TRANSCODE_PRESET: X264Preset = 'superfast';

/** Constant quality: x264's default, a good trade of size against picture for talking heads. */
const CRF = 23;
/** Speech from one microphone: 96 kbit/s AAC is clean, and encodes ~20 % faster than 128k. */
const AUDIO_BITRATE = '96k';
const DEFAULT_FPS = 30;
/** Long side × short side of the largest picture we produce. */
const MAX_LONG_SIDE = 1280;
const MAX_SHORT_SIDE = 720;

/** H.264 we may copy as is: 8-bit 4:2:0 is what every browser decodes. */
const COPYABLE_PIXEL_FORMATS = new Set(['yuv420p', 'yuvj420p']);

export interface EncodePlan {
  /** 'remux' when the video (or, for audio only, the audio) is copied untouched. */
  mode: 'remux' | 'transcode';
  /** ffmpeg output options, without the output file and the container flags. */
  outputOptions: string[];
  /** The picture size the output will have, when it is known in advance. */
  size: Size | null;
}

export interface Size {
  width: number;
  height: number;
}

export type X264Preset = 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium';

/** Decides how to turn the probed input into H.264/AAC; `preset` is for the benchmark. */
export function planEncode(info: MediaInfo, preset: X264Preset = TRANSCODE_PRESET): EncodePlan {
  const audio = audioOptions(info);
  if (!info.video) {
    return {
      mode: info.audio?.codec === 'aac' ? 'remux' : 'transcode',
      outputOptions: ['-vn', ...audio],
      size: null,
    };
  }
  if (canCopyVideo(info.video)) {
    return {
      mode: 'remux',
      outputOptions: ['-map', '0:v:0', '-c:v', 'copy', ...audio],
      size: { width: info.video.width, height: info.video.height },
    };
  }
  const size = fitWithin(info.video);
  return {
    mode: 'transcode',
    outputOptions: ['-map', '0:v:0', ...x264Options(info.video, size, preset), ...audio],
    size,
  };
}

function canCopyVideo(video: VideoInfo): boolean {
  // An unknown pixel format still gets a chance: ffmpeg fails loudly if it is really broken.
  return (
    video.codec === 'h264' &&
    (video.pixelFormat === null || COPYABLE_PIXEL_FORMATS.has(video.pixelFormat))
  );
}

function audioOptions(info: MediaInfo): string[] {
  if (!info.audio) return ['-an'];
  if (info.audio.codec === 'aac') return ['-map', '0:a:0', '-c:a', 'copy'];
  // More than stereo is not something a webcam interview needs, and not every player mixes it down.
  const downmix = (info.audio.channels ?? 0) > 2 ? ['-ac', '2'] : [];
  return ['-map', '0:a:0', '-c:a', 'aac', '-b:a', AUDIO_BITRATE, ...downmix];
}

function x264Options(video: VideoInfo, size: Size, preset: X264Preset): string[] {
  const fps = video.fps ?? DEFAULT_FPS;
  return [
    '-c:v',
    'libx264',
    '-preset',
    preset,
    '-crf',
    String(CRF),
    '-pix_fmt',
    'yuv420p',
    // ffmpeg has already turned a rotated picture upright (autorotate) before this scale.
    '-vf',
    `scale=${size.width}:${size.height}`,
    // Browser recordings have a variable frame rate, and Chrome's WebM announces a made-up one
    // (40 fps for an 8 fps clip): forcing constant frames would duplicate most of them.
    // -vsync rather than its successor -fps_mode (5.1+): the bundled 2018 build knows only -vsync.
    '-vsync',
    'vfr',
    '-g',
    String(Math.round(fps * 2)),
    // -g counts frames, which says little when the rate varies: also force one every 2 s.
    '-force_key_frames',
    'expr:gte(t,n_forced*2)',
  ];
}

/** Largest even size within 1280×720 (landscape) or 720×1280 (portrait); never enlarges. */
export function fitWithin({ width, height }: Size): Size {
  const portrait = height > width;
  const maxWidth = portrait ? MAX_SHORT_SIDE : MAX_LONG_SIDE;
  const maxHeight = portrait ? MAX_LONG_SIDE : MAX_SHORT_SIDE;
  const factor = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: toEven(width * factor), height: toEven(height * factor) };
}

/** H.264 4:2:0 needs even sizes; rounding down keeps us inside the box. */
function toEven(value: number): number {
  return Math.max(2, Math.floor(Math.round(value) / 2) * 2);
}
