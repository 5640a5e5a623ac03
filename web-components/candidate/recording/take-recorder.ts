import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type RecordedPicture, recordedPicture } from './picture-scaler.js';
import { AUDIO_BITS_PER_SECOND, type RecordingFormat } from './recording-format.js';

export const SLICE_MS = 1000;

export interface TakeOptions {
  stream: MediaStream;
  format: RecordingFormat;
  videoBitsPerSecond: number;
  /** The picture's short side the candidate was told; a larger camera picture is scaled down. */
  shortSide?: number;
  /** The question's answer time: onLimit fires when it is used up. */
  limitMs: number;
  /** Each slice, in order, with the recording time it reaches; `leaving` as the page goes. */
  onSlice: (slice: Blob, recordedMs: number, leaving: boolean) => void;
  onLimit: () => void;
  /** The recording ended without stop(): capture was taken away or the recorder failed. */
  onInterrupted: (result: TakeResult) => void;
}

export interface TakeResult {
  /** The whole take, for playback on this device. */
  blob: Blob;
  durationMs: number;
  interrupted: boolean;
}

export type TakeState = 'idle' | 'recording' | 'paused' | 'stopped';

interface RecorderOptions extends MediaRecorderOptions {
  /** Chrome: a key frame (and so an MP4 fragment) every this many ms. */
  videoKeyFrameIntervalDuration?: number;
}

/**
 * One take with MediaRecorder, in 1-second slices, for a Lit host that re-renders as the clock
 * runs. When the page is hidden the take pauses (iOS stops the camera there anyway); when it
 * comes back without a camera the take ends as interrupted, keeping everything recorded.
 */
export class TakeRecorder implements ReactiveController {
  state: TakeState = 'idle';
  /** Paused because the page was hidden, not by the person. */
  pausedByPage = false;
  private recorder: MediaRecorder | null = null;
  /** What the recorder records: the camera's stream, or a copy scaled to the chosen size. */
  private picture: RecordedPicture | null = null;
  private options: TakeOptions | null = null;
  private blobs: Blob[] = [];
  private startedAt = 0;
  private pausedMs = 0;
  private pausedAt: number | null = null;
  private endedAt: number | null = null;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private limitTimer: ReturnType<typeof setTimeout> | undefined;
  private finished: Promise<TakeResult> | null = null;
  private stopping = false;
  /** The page announced it may go away: the next slices are its last moments. */
  private leavingUntil = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The short side of the picture being recorded (null for sound only or before a take). */
  get pictureShortSide(): number | null {
    return this.picture?.shortSide ?? null;
  }

  /** Recording time so far, pauses excluded. */
  get elapsedMs(): number {
    if (this.state === 'idle') return 0;
    const now = this.pausedAt ?? this.endedAt ?? performance.now();
    return Math.max(0, now - this.startedAt - this.pausedMs);
  }

  start(options: TakeOptions): void {
    const settings: RecorderOptions = {
      mimeType: options.format.mimeType,
      audioBitsPerSecond: AUDIO_BITS_PER_SECOND,
      videoBitsPerSecond: options.videoBitsPerSecond,
    };
    if (options.format.needsKeyFrameInterval) settings.videoKeyFrameIntervalDuration = SLICE_MS;
    this.picture?.stop();
    this.picture = recordedPicture(options.stream, options.shortSide);
    const recorder = new MediaRecorder(this.picture.stream, settings);
    this.recorder = recorder;
    this.options = options;
    this.blobs = [];
    this.pausedMs = 0;
    this.pausedAt = null;
    this.endedAt = null;
    this.stopping = false;
    this.pausedByPage = false;
    recorder.addEventListener('dataavailable', (event) => this.onData(event.data));
    this.finished = new Promise((resolve) => {
      const onStop = () => {
        this.endedAt = performance.now();
        this.picture?.stop();
        resolve(this.result());
      };
      recorder.addEventListener('stop', onStop, { once: true });
    });
    recorder.addEventListener('error', () => this.endedByItself());
    recorder.addEventListener('stop', () => this.endedByItself());
    recorder.start(SLICE_MS);
    this.startedAt = performance.now();
    this.state = 'recording';
    this.ticker = setInterval(() => this.host.requestUpdate(), 250);
    this.armLimit();
    this.host.requestUpdate();
  }

  pause(byPage = false): void {
    if (this.state !== 'recording' || !this.recorder) return;
    // Hand over what is recorded so far: the page may be frozen next. A phone's tab swiped away
    // is only ever "hidden" before it dies, so that slice is also rescued (see flush).
    if (byPage) this.leavingUntil = performance.now() + 2000;
    this.recorder.requestData();
    this.recorder.pause();
    this.pausedAt = performance.now();
    this.pausedByPage = byPage;
    this.state = 'paused';
    clearTimeout(this.limitTimer);
    this.host.requestUpdate();
  }

  resume(): void {
    if (this.state !== 'paused' || !this.recorder) return;
    this.resumeClock();
    this.pausedByPage = false;
    this.recorder.resume();
    this.state = 'recording';
    this.armLimit();
    this.host.requestUpdate();
  }

  /** Ends the take; resolves once the last slice has been handed to onSlice. */
  async stop(): Promise<TakeResult> {
    const { recorder, finished } = this;
    if (!recorder || !finished) throw new Error('No take was started');
    if (recorder.state !== 'inactive') {
      this.stopping = true;
      // The person chose to stop: even after a pause in the background, nothing was cut short.
      this.pausedByPage = false;
      this.resumeClock();
      recorder.stop();
    }
    const result = await finished;
    this.cleanUp();
    return result;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('beforeunload', this.flush);
    window.addEventListener('pagehide', this.flush);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('beforeunload', this.flush);
    window.removeEventListener('pagehide', this.flush);
    // Leaving mid-take still hands every recorded slice to the outbox.
    if (this.recorder && this.recorder.state !== 'inactive') void this.stop();
    this.cleanUp();
  }

  /**
   * The page may be going away (a reload, a closed tab): hand over the slice being recorded now
   * rather than at the end of its second, so that it reaches the outbox and the uploader while
   * the page still runs (a navigation keeps the old page alive until the new one answers).
   */
  private readonly flush = () => {
    if (this.state === 'recording' && this.recorder?.state === 'recording') {
      // If the page stays after all (the person chose to stay), this lapses by itself.
      this.leavingUntil = performance.now() + 2000;
      this.recorder.requestData();
    }
  };

  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.pause(true);
    else if (this.state === 'paused' && !this.streamAlive()) this.endedByItself();
    else this.host.requestUpdate();
  };

  private onData(blob: Blob): void {
    if (blob.size > 0) {
      this.blobs.push(blob);
      this.options?.onSlice(blob, this.elapsedMs, performance.now() < this.leavingUntil);
    }
  }

  private endedByItself(): void {
    if (this.stopping || this.state === 'stopped' || !this.finished) return;
    this.stopping = true;
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    void this.finished.then((result) => {
      this.cleanUp();
      this.options?.onInterrupted({ ...result, interrupted: true });
    });
  }

  private result(): TakeResult {
    const type = this.options?.format.mimeType.split(';')[0] ?? '';
    const interrupted = !this.stopping || this.pausedByPage;
    return { blob: new Blob(this.blobs, { type }), durationMs: this.elapsedMs, interrupted };
  }

  private streamAlive(): boolean {
    const tracks = this.options?.stream.getTracks() ?? [];
    return tracks.length > 0 && tracks.every((t) => t.readyState === 'live');
  }

  private resumeClock(): void {
    if (this.pausedAt === null) return;
    this.pausedMs += performance.now() - this.pausedAt;
    this.pausedAt = null;
  }

  private armLimit(): void {
    clearTimeout(this.limitTimer);
    const left = (this.options?.limitMs ?? 0) - this.elapsedMs;
    this.limitTimer = setTimeout(() => this.options?.onLimit(), Math.max(0, left));
  }

  private cleanUp(): void {
    clearInterval(this.ticker);
    clearTimeout(this.limitTimer);
    if (this.state !== 'idle') this.state = 'stopped';
    this.host.requestUpdate();
  }
}
