/**
 * How much to record per second, from how fast this device uploads. Pure functions, so that the
 * choices can be tested without a camera or a network.
 *
 * The aim is that an answer is on the server moments after Stop: the recording's bitrate stays
 * under the upload rate (with room for the round trips and the sound), so the uploader keeps up
 * while the candidate speaks. On a slow link the picture gets smaller before it gets blurry, and
 * below the lowest picture the answer is recorded as sound only, when the interview allows it.
 */
import { AUDIO_BITS_PER_SECOND } from './recording-format.js';

export interface VideoQuality {
  kind: 'video';
  videoBitsPerSecond: number;
  /** The picture's short side in pixels (720 for 720p), whichever way the phone is held. */
  shortSide: number;
}

export interface AudioOnlyQuality {
  kind: 'audio';
}

export type Quality = VideoQuality | AudioOnlyQuality;

export const MAX_VIDEO_BPS = 1_500_000;
/** Full quality's picture: 720p. */
export const FULL_SHORT_SIDE = 720;
export const MIN_VIDEO_BPS = 150_000;
/**
 * Part of the measured upload rate a recording may use: the rest absorbs round trips, a
 * measurement on the high side and a link that varies. At 400 kbit/s: 196 kbit/s of video.
 */
const UPLOAD_SHARE = 0.65;

/** Rungs: the smallest bitrate at which a picture size still looks better than the next down. */
const PICTURE_SIZES = [
  { fromBps: 900_000, shortSide: FULL_SHORT_SIDE },
  { fromBps: 450_000, shortSide: 480 },
  { fromBps: 180_000, shortSide: 360 },
  { fromBps: 0, shortSide: 240 },
];

/**
 * The quality to record at. `uploadKbps` null (not measured) records at full quality: the outbox
 * keeps everything until it is sent. `cameraShortSide` caps the picture to what the camera gives.
 * With `audioOnlyAllowed` false (the interview forbids sound only, or the slow rate is not yet
 * confirmed) the lowest rung is 240p at 150 kbit/s, never sound only.
 */
export function chooseQuality(
  uploadKbps: number | null,
  { audioOnlyAllowed = true, cameraShortSide = FULL_SHORT_SIDE } = {},
): Quality {
  // A rate that is not a number (a measurement gone wrong) is as good as none: full quality.
  const known = uploadKbps !== null && !Number.isNaN(uploadKbps);
  const budget = known ? uploadKbps * 1000 * UPLOAD_SHARE - AUDIO_BITS_PER_SECOND : MAX_VIDEO_BPS;
  if (budget < MIN_VIDEO_BPS && audioOnlyAllowed) return { kind: 'audio' };
  const bps = Math.round(Math.min(MAX_VIDEO_BPS, Math.max(MIN_VIDEO_BPS, budget)));
  const size = PICTURE_SIZES.find((s) => bps >= s.fromBps)!;
  const shortSide = Math.min(size.shortSide, cameraShortSide);
  // A camera smaller than 720p needs proportionally fewer bits for the same look.
  const scaled = Math.round(bps * Math.min(1, (shortSide / size.shortSide) ** 2));
  return { kind: 'video', videoBitsPerSecond: Math.max(MIN_VIDEO_BPS, scaled), shortSide };
}

/** Below full quality: the candidate is told why their picture is smaller. */
export function isReduced(quality: Quality): boolean {
  return quality.kind === 'audio' || quality.shortSide < FULL_SHORT_SIDE;
}

/**
 * The upload rate a finished take actually achieved, in kbit/s: its bytes over the time its
 * requests spent transferring (each request's time less one round trip, so that a long round
 * trip on small slices does not read as a slow link). Null when too little was sent to tell.
 */
export function achievedKbps(
  requests: { bytes: number; ms: number }[],
  roundTripMs: number,
): number | null {
  if (requests.length < 3) return null;
  let bytes = 0;
  let ms = 0;
  for (const r of requests) {
    bytes += r.bytes;
    ms += Math.max(r.ms - roundTripMs, r.ms * 0.1, 1);
  }
  return Math.round((bytes * 8) / ms);
}

/**
 * The estimate for the next question: halfway between what was believed and what the last take
 * achieved, so one odd take does not swing the quality from one extreme to the other.
 */
export function nextEstimate(previous: number | null, achieved: number | null): number | null {
  if (achieved === null) return previous;
  if (previous === null) return achieved;
  return Math.round((previous + achieved) / 2);
}
