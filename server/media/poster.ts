import { rm, stat } from 'node:fs/promises';
import type { FfmpegBinaries } from './ffmpeg-binaries.js';
import { createCommand, runCommand } from './ffmpeg-command.js';

const MAX_POSTER_WIDTH = 640;
/** One second in skips a black or half-exposed first frame while the camera settles. */
const PREFERRED_SECOND = 1;
const POSTER_TIMEOUT_SECONDS = 60;

export interface PosterSource {
  videoPath: string;
  /** The expected length, if known: clips under 2 s get their middle frame. */
  durationHintMs: number | null;
}

/**
 * Writes a JPEG still of the video at `posterPath`, at most 640 px wide: the frame at 1 s, or
 * mid-clip for clips known to be shorter than 2 s. Returns null when no frame could be decoded.
 */
export async function makePoster(
  binaries: FfmpegBinaries,
  source: PosterSource,
  posterPath: string,
): Promise<string | null> {
  const hint = source.durationHintMs;
  const seconds = hint !== null && hint < 2000 * PREFERRED_SECOND ? hint / 2000 : PREFERRED_SECOND;
  // A seek past the last frame (a short clip, a gap in a variable frame rate) writes nothing:
  // then the first frame will do.
  for (const at of [seconds, 0]) {
    await extractFrame(binaries, source.videoPath, at, posterPath);
    if (await hasBytes(posterPath)) return posterPath;
  }
  await rm(posterPath, { force: true });
  return null;
}

async function extractFrame(
  binaries: FfmpegBinaries,
  videoPath: string,
  atSeconds: number,
  posterPath: string,
): Promise<void> {
  // The width comes from the decoded (already upright) picture; -2 keeps the height even.
  const scale = `scale='min(${MAX_POSTER_WIDTH},iw)':-2`;
  const command = createCommand(binaries, { timeoutSeconds: POSTER_TIMEOUT_SECONDS })
    .input(videoPath)
    .seekInput(atSeconds.toFixed(3))
    .outputOptions(['-map', '0:v:0', '-frames:v', '1', '-vf', scale, '-q:v', '3', '-update', '1'])
    .format('image2')
    .output(posterPath);
  await runCommand(command);
}

async function hasBytes(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size > 0;
  } catch {
    return false;
  }
}
