import { RateLimitedError } from '../errors.js';

/**
 * Bounds password hashing. scrypt runs on libuv's thread pool (4 threads by default), the same
 * threads that write every uploaded chunk: a login flood must never take all of them. At most
 * `concurrency` hashes run at once; a few more wait; beyond that the caller hears 429 at once,
 * before any CPU or memory is spent, so a flood costs the server almost nothing.
 */
export class HashingGate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running < this.concurrency) this.#running++;
    else if (this.#waiting.length < this.maxWaiting) {
      // The slot is handed over by whoever finishes (see below): #running stays the same.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      throw new RateLimitedError(
        'Too many sign-ins are being checked right now. Try again in a moment.',
        1,
      );
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  /** For the benchmark and the logs: how busy hashing is. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }
}
