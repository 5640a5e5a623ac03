/**
 * The picture a take records, at the size the candidate was told. The camera is asked to scale
 * (`fitPicture`), but a camera or browser may ignore that, a stream may be reopened after the
 * size was chosen, or a camera may report the new size while it still delivers frames of the old
 * one (once in a test on a busy machine: the first frame decides the video's size, and the
 * whole take came out at 720p). So a take below full size is always drawn here, through a canvas
 * of the size announced: a candidate told "360p" is never recorded (and uploaded over a slow
 * link) at 720p.
 */
import { FULL_SHORT_SIDE } from './quality-ladder.js';

export interface RecordedPicture {
  /** What MediaRecorder records: the camera's own stream, or a scaled copy with its sound. */
  stream: MediaStream;
  /** The short side of the recorded picture, or null for sound only. */
  shortSide: number | null;
  /** Stops the copy (nothing to do when the camera's stream is recorded as it is). */
  stop(): void;
}

/** H.264 encoders want even sizes. */
const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

function asItIs(stream: MediaStream, shortSide: number | null): RecordedPicture {
  return { stream, shortSide, stop: () => undefined };
}

/**
 * `stream` itself when there is no picture, no size was chosen, the camera's picture is smaller
 * than `shortSide`, or it is no larger at full quality; otherwise a copy drawn at `shortSide`.
 * Synchronous, so a take starts at once: the copy's first frame is drawn as soon as the
 * camera's next frame is decoded.
 */
export function recordedPicture(
  stream: MediaStream,
  shortSide: number | undefined,
): RecordedPicture {
  const track = stream.getVideoTracks()[0];
  const { width, height, frameRate } = track?.getSettings() ?? {};
  if (!track || !width || !height) return asItIs(stream, null);
  const cameraShortSide = Math.min(width, height);
  const reduced = shortSide !== undefined && shortSide < FULL_SHORT_SIDE;
  if (
    shortSide === undefined ||
    cameraShortSide < shortSide ||
    (cameraShortSide === shortSide && !reduced)
  ) {
    return asItIs(stream, cameraShortSide);
  }
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  // No canvas capture (very old browsers): the camera's picture, and its true size is reported.
  if (!context || typeof canvas.captureStream !== 'function') {
    return asItIs(stream, cameraShortSide);
  }
  const scale = shortSide / cameraShortSide;
  canvas.width = even(width * scale);
  canvas.height = even(height * scale);
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  void video.play().catch(() => undefined);
  const fps = Math.min(30, frameRate || 30);
  // A timer, not requestAnimationFrame: the take pauses when the page is hidden anyway, and a
  // detached <video> never paints, so frame callbacks tied to painting would not come.
  const timer = setInterval(() => {
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
    }
  }, 1000 / fps);
  const copy = canvas.captureStream(fps);
  return {
    stream: new MediaStream([...copy.getVideoTracks(), ...stream.getAudioTracks()]),
    shortSide: Math.min(canvas.width, canvas.height),
    stop: () => {
      clearInterval(timer);
      video.srcObject = null;
      for (const t of copy.getVideoTracks()) t.stop();
    },
  };
}
