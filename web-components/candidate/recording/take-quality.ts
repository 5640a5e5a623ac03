/**
 * What one take records, from the quality chosen for the connection (quality-ladder.ts): the
 * picture size asked of the camera, the tracks, the container and the video bitrate.
 */
import { fitPicture } from '../device/media-controller.js';
import { MAX_VIDEO_BPS, type Quality } from './quality-ladder.js';
import { browserSupports, pickRecordingFormat, type RecordingFormat } from './recording-format.js';

export const FULL_QUALITY: Quality = {
  kind: 'video',
  videoBitsPerSecond: MAX_VIDEO_BPS,
  shortSide: 720,
};

/** Asks the camera for the picture size of a video take (nothing to do for sound only). */
export async function fitCamera(stream: MediaStream | null, quality: Quality): Promise<void> {
  if (quality.kind === 'video') await fitPicture(stream, quality.shortSide);
}

/** The device's format, or a sound-only one when the quality says so. */
export function formatForTake(quality: Quality, format: RecordingFormat): RecordingFormat {
  if (quality.kind !== 'audio') return format;
  return pickRecordingFormat(browserSupports, true) ?? format;
}

/** The tracks to record: the microphone alone for sound only. */
export function streamForTake(quality: Quality, stream: MediaStream): MediaStream {
  return quality.kind === 'audio' ? new MediaStream(stream.getAudioTracks()) : stream;
}

export function videoBitsForTake(quality: Quality): number {
  // Sound only: MediaRecorder ignores it, any value will do.
  return quality.kind === 'video' ? quality.videoBitsPerSecond : MAX_VIDEO_BPS;
}

/** The longest a take waits for an unfinished speed check before recording at full quality. */
const SPEED_WAIT_MS = 10_000;

/**
 * The speed to choose a take's quality from. The prompt stays hidden while this waits, so the
 * wait costs no thinking time; past SPEED_WAIT_MS the take records at what is known.
 */
export async function measuredSpeed(
  pending: Promise<number | null> | null,
  known: number | null,
): Promise<number | null> {
  if (!pending) return known;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<number | null>((resolve) => {
    timer = setTimeout(() => resolve(known), SPEED_WAIT_MS);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}
