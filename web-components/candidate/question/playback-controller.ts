import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The local playback of the last take: an object URL made on demand and revoked when replaced
 * or when the host leaves. `showLater` delays it, because loading a long take into a <video>
 * can hold a slow phone's main thread for a second.
 */
export class PlaybackController implements ReactiveController {
  url = '';
  private take: Blob | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Holds a new take (an empty one has nothing to play). */
  hold(take: Blob): void {
    this.clear();
    this.take = take.size > 0 ? take : null;
  }

  show(): void {
    clearTimeout(this.timer);
    if (this.url || !this.take) return;
    this.url = URL.createObjectURL(this.take);
    this.host.requestUpdate();
  }

  showLater(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.show(), ms);
  }

  clear(): void {
    clearTimeout(this.timer);
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = '';
    this.take = null;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.clear();
  }
}
