import { Worker } from 'node:worker_threads';
import { InputError, UnavailableError } from '../errors.js';

/** zxcvbn's scale is 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;
/** A worker unused this long exits, giving its dictionaries' memory back. */
const IDLE_EXIT_MS = 60_000;
/**
 * A check never takes this long once the worker is ready; if it does, the worker is replaced
 * and the request fails with 503. Start-up (loading the dictionaries, seconds on a loaded
 * machine) has its own, longer bound: counting it here turned a busy machine's first user
 * creation into a 500.
 */
const CHECK_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 60_000;

export interface EstimatorOptions {
  checkTimeoutMs?: number;
  startTimeoutMs?: number;
  /** For tests: another worker script speaking the same messages. */
  workerFile?: URL;
  workerData?: unknown;
}

export interface StrengthRequest {
  id: number;
  password: string;
  userInputs: string[];
}

/** The worker's first message, once its dictionaries are loaded. */
export interface WorkerReady {
  ready: true;
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
interface PendingCheck {
  request: StrengthRequest;
  resolve: (r: StrengthResult) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

class StrengthEstimator {
  private worker: Worker | undefined;
  private ready = false;
  private startTimer: NodeJS.Timeout | undefined;
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly pending = new Map<number, PendingCheck>();

  constructor(
    private readonly idleExitMs: number,
    private readonly options: EstimatorOptions = {},
  ) {}

  check(password: string, userInputs: string[]): Promise<StrengthResult> {
    this.running();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const check: PendingCheck = { request: { id, password, userInputs }, resolve, reject };
      this.pending.set(id, check);
      if (this.ready) this.send(check);
    });
  }

  /** Hands a check to the ready worker; its time bound starts now. */
  private send(check: PendingCheck): void {
    check.timer = setTimeout(() => {
      this.stop(new UnavailableError('The password check is busy. Try again in a moment.'));
    }, this.options.checkTimeoutMs ?? CHECK_TIMEOUT_MS);
    this.worker!.postMessage(check.request);
  }

  /** Whether a worker (and its dictionaries) is alive: for tests. */
  get isRunning(): boolean {
    return this.worker !== undefined;
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerFile ?? WORKER_FILE, {
      workerData: this.options.workerData,
    });
    worker.unref();
    this.startTimer = setTimeout(() => {
      this.stop(new UnavailableError('The password check is starting. Try again in a moment.'));
    }, this.options.startTimeoutMs ?? START_TIMEOUT_MS);
    worker.on('message', (message: StrengthResult | WorkerReady) => {
      if ('ready' in message) {
        clearTimeout(this.startTimer);
        this.ready = true;
        for (const check of this.pending.values()) this.send(check);
        return;
      }
      const result = message;
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
    this.ready = false;
    clearTimeout(this.idleTimer);
    clearTimeout(this.startTimer);
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
export function createStrengthEstimator(
  idleExitMs: number,
  options: EstimatorOptions = {},
): StrengthEstimator {
  return new StrengthEstimator(idleExitMs, options);
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
