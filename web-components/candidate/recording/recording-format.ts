/**
 * What to record and how: the container and codecs, the camera constraints, the bitrate.
 * Pure functions, so the choices can be tested without a camera.
 */

export interface RecordingFormat {
  mimeType: string;
  /** For people: "MP4 (H.264)". */
  label: string;
  /** Chrome's MP4 recorder ignores the timeslice unless told the key-frame interval. */
  needsKeyFrameInterval: boolean;
}

/**
 * H.264 first: the server then copies the video instead of re-encoding it (seconds, not
 * minutes, from stop to watchable). Safari offers only MP4; Firefox only VP8/VP9 WebM.
 *
 * In WebM before MP4 where a browser has both (Chrome): Chrome's WebM writer hands over every
 * frame encoded so far on `requestData()`, so a page that is going away keeps all but ~0.1 s.
 * Its MP4 writer holds the open fragment until the next key frame and hands over nothing
 * (measured: 0 bytes from requestData 0.2–0.5 s after a fragment, fragments 1–2 s long under
 * load), so a reload lost 0.5–1.5 s. The server remuxes both, so reviewers see the same MP4.
 */
const VIDEO_PREFERENCE: RecordingFormat[] = [
  { mimeType: 'video/webm;codecs=h264,opus', label: 'WebM (H.264)', needsKeyFrameInterval: false },
  { mimeType: 'video/mp4;codecs=avc1,opus', label: 'MP4 (H.264)', needsKeyFrameInterval: true },
  {
    mimeType: 'video/mp4;codecs=avc1,mp4a.40.2',
    label: 'MP4 (H.264)',
    needsKeyFrameInterval: false,
  },
  { mimeType: 'video/webm;codecs=vp9,opus', label: 'WebM (VP9)', needsKeyFrameInterval: false },
  { mimeType: 'video/webm;codecs=vp8,opus', label: 'WebM (VP8)', needsKeyFrameInterval: false },
  { mimeType: 'video/webm', label: 'WebM', needsKeyFrameInterval: false },
  { mimeType: 'video/mp4', label: 'MP4', needsKeyFrameInterval: false },
];

const AUDIO_PREFERENCE: RecordingFormat[] = [
  { mimeType: 'audio/webm;codecs=opus', label: 'WebM (Opus)', needsKeyFrameInterval: false },
  { mimeType: 'audio/mp4', label: 'MP4 (AAC)', needsKeyFrameInterval: false },
  { mimeType: 'audio/ogg;codecs=opus', label: 'Ogg (Opus)', needsKeyFrameInterval: false },
];

/** The best format this browser records, or null when it cannot record at all. */
export function pickRecordingFormat(
  isTypeSupported: (type: string) => boolean,
  audioOnly = false,
): RecordingFormat | null {
  const preference = audioOnly ? AUDIO_PREFERENCE : VIDEO_PREFERENCE;
  return preference.find((format) => isTypeSupported(format.mimeType)) ?? null;
}

/** The browser's own check, tolerant of browsers without MediaRecorder. */
export function browserSupports(type: string): boolean {
  return typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(type);
}

/** 720p at most, in the orientation the person holds the device; the front camera on phones. */
export function cameraConstraints(portrait: boolean, deviceId?: string): MediaTrackConstraints {
  const long = 1280;
  const short = 720;
  return {
    width: { ideal: portrait ? short : long, max: long },
    height: { ideal: portrait ? long : short, max: long },
    frameRate: { ideal: 30, max: 30 },
    ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: 'user' }),
  };
}

export function microphoneConstraints(deviceId?: string): MediaTrackConstraints {
  return {
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
  };
}

export const AUDIO_BITS_PER_SECOND = 64_000;
/** Slices are cut to this size before upload (the server takes up to 64 MiB). */
export const MAX_PIECE_BYTES = 8 * 1024 * 1024;

/**
 * Cuts a slice into pieces of at most `maxBytes`. Safe because the server joins chunks in index
 * order: boundaries inside a recording do not matter, only the order of the bytes.
 */
export function splitSlice(blob: Blob, maxBytes = MAX_PIECE_BYTES): Blob[] {
  if (blob.size <= maxBytes) return [blob];
  const pieces: Blob[] = [];
  for (let offset = 0; offset < blob.size; offset += maxBytes) {
    pieces.push(blob.slice(offset, offset + maxBytes));
  }
  return pieces;
}
