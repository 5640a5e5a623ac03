import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';

/** zxcvbn's scale is 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;
/** A worker unused this long exits, giving its dictionaries' memory back. */
const IDLE_EXIT_MS = 60_000;
/** A check never takes this long; if it does, the worker is replaced and the request fails. */
const CHECK_TIMEOUT_MS = 10_000;

export interface StrengthRequest {
  id: number;
  password: string;
  userInputs: string[];
}

export interface StrengthResult {
  id: number;
  score: number;
  warning: string | null;
  suggestion: string | null;
}

// Running from TypeScript (tsx: tests, development) or from the compiled bundle, where the
// build writes the worker beside the server's other files.
const WORKER_FILE = new URL(
  `./password-quality.worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`,
  import.meta.url,
);

/**
 * One worker thread, started on the first check and stopped after a minute without one:
 * passwords are chosen rarely (staff accounts), so the server does not carry the dictionaries
 * while it takes recordings.
 */
class StrengthEstimator {
  private worker: Worker | undefined;
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly pending = new Map<
    number,
    { resolve: (r: StrengthResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();

  constructor(private readonly idleExitMs: number) {}

  check(password: string, userInputs: string[]): Promise<StrengthResult> {
    const worker = this.running();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(new Error('The password check took too long.'));
      }, CHECK_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, password, userInputs } satisfies StrengthRequest);
    });
  }

  /** Whether a worker (and its dictionaries) is alive: for tests. */
  get isRunning(): boolean {
    return this.worker !== undefined;
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_FILE);
    worker.unref();
    worker.on('message', (result: StrengthResult) => {
      const waiting = this.pending.get(result.id);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      this.pending.delete(result.id);
      waiting.resolve(result);
      if (this.pending.size === 0) {
        this.idleTimer = setTimeout(() => this.stop(), this.idleExitMs).unref();
      }
    });
    worker.on('error', (err) => this.stop(err));
    worker.on('exit', () => {
      if (this.worker === worker) this.stop(new Error('The password checker stopped.'));
    });
    this.worker = worker;
    return worker;
  }

  private stop(reason?: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(reason ?? new Error('The password checker stopped.'));
    }
    this.pending.clear();
    void worker?.terminate();
  }
}

export const strengthEstimator = new StrengthEstimator(IDLE_EXIT_MS);

/** For tests: an estimator whose worker exits after `idleExitMs`. */
export function createStrengthEstimator(idleExitMs: number): StrengthEstimator {
  return new StrengthEstimator(idleExitMs);
}

/**
 * Refuses a password that common-password lists, dictionaries (English, French), keyboard
 * patterns or the user's own name and email make easy to guess. Throws a 400 naming `field`
 * with zxcvbn's reason, so the form can show it.
 */
export async function assertStrongPassword(
  password: string,
  field: string,
  personal: { email?: string; name?: string } = {},
  estimator: StrengthEstimator = strengthEstimator,
): Promise<void> {
  const userInputs = [personal.email, personal.email?.split('@')[0], personal.name].filter(
    (v): v is string => Boolean(v),
  );
  const result = await estimator.check(password, userInputs);
  if (result.score >= MIN_SCORE) return;
  const reason = result.warning ?? 'It is too easy to guess.';
  const hint = result.suggestion ?? 'Use a few uncommon words together.';
  throw new InputError(`Choose a stronger password. ${reason} ${hint}`.replace(/\.\./g, '.'), [
    { path: field, message: `is too easy to guess. ${reason} ${hint}`.replace(/\.\./g, '.') },
  ]);
}
