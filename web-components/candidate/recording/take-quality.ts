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
