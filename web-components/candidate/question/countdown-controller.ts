import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface CountdownOptions {
  onEnd: () => void;
  /** Called once when this many ms are left (for a spoken reminder). */
  warnAtMs?: number;
  onWarn?: () => void;
}

/** A countdown for a Lit host: re-renders it four times a second and calls back at zero. */
export class CountdownController implements ReactiveController {
  private endsAt: number | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Null when no countdown runs. */
  get remainingMs(): number | null {
    return this.endsAt === null ? null : Math.max(0, this.endsAt - Date.now());
  }

  start(ms: number, options: CountdownOptions): void {
    this.stop();
    this.endsAt = Date.now() + ms;
    // A countdown that starts inside the warning window has nothing to warn about.
    let warned = options.warnAtMs !== undefined && ms <= options.warnAtMs;
    this.timer = setInterval(() => {
      const left = this.remainingMs ?? 0;
      if (!warned && options.warnAtMs !== undefined && left <= options.warnAtMs && left > 0) {
        warned = true;
        options.onWarn?.();
      }
      if (left <= 0) {
        this.stop();
        options.onEnd();
      }
      this.host.requestUpdate();
    }, 250);
    this.host.requestUpdate();
  }

  stop(): void {
    clearInterval(this.timer);
    this.endsAt = null;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
