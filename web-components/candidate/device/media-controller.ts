import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cameraConstraints, microphoneConstraints } from '../recording/recording-format.js';

/**
 * - `denied`: the person or the browser refused access;
 * - `no-device`: no microphone (without a camera we fall back to audio only);
 * - `no-camera`: no camera, and the interview forbids sound-only answers (issue 9);
 * - `busy`: another application holds the camera;
 * - `unsupported`: no getUserMedia (old browser, or a page that is not https);
 * - `interrupted`: capture stopped by itself (iOS does this in the background).
 */
export type MediaStatus =
  | 'idle'
  | 'requesting'
  | 'ready'
  | 'denied'
  | 'no-device'
  | 'no-camera'
  | 'busy'
  | 'unsupported'
  | 'failed'
  | 'interrupted';

export interface DeviceChoice {
  cameraId?: string;
  microphoneId?: string;
}

/** What views need to know, as one value that changes identity only when something changed. */
export interface MediaSnapshot {
  status: MediaStatus;
  stream: MediaStream | null;
  audioOnly: boolean;
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  choice: DeviceChoice;
}

/** This device offers no camera, and the interview needs one. */
class NoCameraError extends Error {
  override name = 'NoCameraError';
}

function statusOf(err: unknown): MediaStatus {
  const name = (err as { name?: string }).name;
  if (name === 'NoCameraError') return 'no-camera';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-device';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

/** Phones held upright get a portrait picture; a desktop webcam stays landscape. */
function holdsPortrait(): boolean {
  return matchMedia('(orientation: portrait) and (pointer: coarse)').matches;
}

/** Asks the camera for 720p at most when it delivered more (some ignore `max`). */
async function capTo720p(track: MediaStreamTrack | undefined): Promise<void> {
  const { width, height } = track?.getSettings() ?? {};
  if (!track || !width || !height || Math.min(width, height) <= 720) return;
  const scale = 720 / Math.min(width, height);
  await track
    .applyConstraints({ width: Math.round(width * scale), height: Math.round(height * scale) })
    .catch(() => undefined);
}

/**
 * Asks the camera for a picture whose short side is `shortSide` (smaller on a slow link: fewer
 * pixels look better than a starved encoder), keeping its shape and the way it is held.
 */
export async function fitPicture(stream: MediaStream | null, shortSide: number): Promise<void> {
  const track = stream?.getVideoTracks()[0];
  const { width, height } = track?.getSettings() ?? {};
  if (!track || !width || !height || Math.min(width, height) === shortSide) return;
  const long = Math.round((shortSide * Math.max(width, height)) / Math.min(width, height));
  const size =
    height > width ? { width: shortSide, height: long } : { width: long, height: shortSide };
  await track.applyConstraints(size).catch(() => undefined);
}

/**
 * The camera and microphone for a Lit host: one stream shared by the preview, the level meter
 * and the recorder, so permission is asked once. Releases the devices when the host leaves, and
 * reopens them when the page comes back after the system took them away.
 */
export class MediaController implements ReactiveController {
  status: MediaStatus = 'idle';
  stream: MediaStream | null = null;
  /** Recording sound only: this device has no camera. */
  audioOnly = false;
  /** The interview forbids sound-only answers: without a camera, `no-camera` instead. */
  videoRequired = false;
  cameras: MediaDeviceInfo[] = [];
  microphones: MediaDeviceInfo[] = [];
  choice: DeviceChoice = {};
  private releasing = false;
  private snap: MediaSnapshot | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get snapshot(): MediaSnapshot {
    const { status, stream, audioOnly, cameras, microphones, choice } = this;
    this.snap ??= { status, stream, audioOnly, cameras, microphones, choice };
    return this.snap;
  }

  /** Opens (or reopens, with another device) the camera and microphone. */
  async start(choice: DeviceChoice = this.choice): Promise<void> {
    this.choice = choice;
    if (!navigator.mediaDevices?.getUserMedia) return this.set('unsupported');
    this.set('requesting');
    this.release();
    try {
      this.adopt(await this.open(choice));
      await capTo720p(this.stream?.getVideoTracks()[0]);
      this.set('ready');
      await this.refreshDevices();
    } catch (err) {
      this.set(statusOf(err));
    }
  }

  private async open(choice: DeviceChoice): Promise<MediaStream> {
    const audio = microphoneConstraints(choice.microphoneId);
    try {
      const video = cameraConstraints(holdsPortrait(), choice.cameraId);
      const stream = await navigator.mediaDevices.getUserMedia({ video, audio });
      this.audioOnly = false;
      return stream;
    } catch (err) {
      if (statusOf(err) !== 'no-device') throw err;
      // No camera (or none that fits): a voice answer is better than no answer.
      const stream = await navigator.mediaDevices.getUserMedia({ audio });
      if (this.videoRequired) {
        // The microphone works (so the problem is the camera alone), but this interview needs
        // video: let go of the microphone and say so, rather than record what would be refused.
        for (const track of stream.getTracks()) track.stop();
        throw new NoCameraError();
      }
      this.audioOnly = true;
      return stream;
    }
  }

  private adopt(stream: MediaStream): void {
    this.stream = stream;
    for (const track of stream.getTracks()) {
      track.addEventListener('ended', () => {
        if (!this.releasing && this.stream === stream) this.set('interrupted');
      });
    }
  }

  /** Labels are only readable once permission was given, hence after getUserMedia. */
  async refreshDevices(): Promise<void> {
    const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
    this.cameras = devices.filter((d) => d.kind === 'videoinput' && d.deviceId);
    this.microphones = devices.filter((d) => d.kind === 'audioinput' && d.deviceId);
    const tracks = this.stream?.getTracks() ?? [];
    const idOf = (kind: string) => tracks.find((t) => t.kind === kind)?.getSettings().deviceId;
    this.choice = { cameraId: idOf('video'), microphoneId: idOf('audio') };
    this.changed();
  }

  /** Stops every track: the camera light goes off. */
  release(): void {
    this.releasing = true;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.releasing = false;
    this.stream = null;
    this.snap = null;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    navigator.mediaDevices?.addEventListener('devicechange', this.onDeviceChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    navigator.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange);
    this.release();
    this.status = 'idle';
  }

  private readonly onVisibility = () => {
    // iOS ends capture in the background; a new getUserMedia brings the camera back.
    if (document.visibilityState === 'visible' && this.status === 'interrupted') void this.start();
  };

  private readonly onDeviceChange = () => {
    if (this.status === 'ready') void this.refreshDevices();
  };

  private set(status: MediaStatus): void {
    this.status = status;
    this.changed();
  }

  private changed(): void {
    this.snap = null;
    this.host.requestUpdate();
  }
}
