import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { errorText } from './error-text.js';

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * Saves as you go: changes wait a moment (typing settles), then go out one save at a time,
 * latest value wins. Anything still waiting is saved when the host leaves the page, so moving
 * on never drops a comment.
 */
export class AutosaveController<T> implements ReactiveController {
  status: AutosaveStatus = 'idle';
  error = '';
  #pending: T | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly save: (value: T) => Promise<void>,
    private readonly delayMs = 800,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    void this.flush();
  }

  schedule(value: T, delayMs = this.delayMs): void {
    this.#pending = value;
    this.#setStatus('pending');
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), delayMs);
  }

  /** Saves what is waiting now; resolves when every save so far has finished. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    // Taken now, not when the previous save ends: a reset() right after must not lose it.
    const value = this.#pending;
    this.#pending = null;
    if (value !== null) this.#running = this.#running.then(() => this.#saveValue(value));
    return this.#running;
  }

  async #saveValue(value: T): Promise<void> {
    this.#setStatus('saving');
    try {
      await this.save(value);
      this.#setStatus(this.#pending === null ? 'saved' : 'pending');
    } catch (err) {
      // Keep it for "try again", unless something newer is already waiting.
      this.#pending ??= value;
      this.error = errorText(err);
      this.#setStatus('failed');
    }
  }

  /** Forgets the unsaved value (another answer is now on screen; its value was flushed). */
  reset(): void {
    clearTimeout(this.#timer);
    this.#pending = null;
    this.error = '';
    this.#setStatus('idle');
  }

  #setStatus(status: AutosaveStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
