/** The timer functions `repeat` uses; tests pass their own clock. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd: a pending sweep never keeps the process alive. */
export const nodeTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface RepeatOptions {
  /** Where a failed run is told (the server's pino logger). */
  log: { warn(details: object, message: string): void };
  /** Wait before the first run (0: at once). Not jittered. */
  firstAfterMs?: number;
  /**
   * Each wait is lengthened by up to this share of `everyMs`, at random, so that processes
   * started together (a deploy, a restart) do not all sweep the database in the same second.
   */
  jitter?: number;
  timers?: Timers;
  random?: () => number;
}

/** A running schedule. */
export interface Repeating {
  /** No run starts after this; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now (or after `firstAfterMs`) and then `everyMs` after each run ends, so two runs
 * of one task never overlap however long one takes. A run that fails is logged with the
 * schedule's name and the next one happens as planned. `everyMs` null runs the task once.
 */
export function repeat(
  name: string,
  everyMs: number | null,
  task: () => Promise<unknown>,
  options: RepeatOptions,
): Repeating {
  const timers = options.timers ?? nodeTimers;
  const random = options.random ?? Math.random;
  const jitter = options.jitter ?? 0.1;
  let stopped = false;
  let timer: unknown = null;
  let running: Promise<void> | null = null;

  const schedule = (ms: number) => {
    timer = timers.setTimeout(() => {
      timer = null;
      running = runOnce().finally(() => {
        running = null;
      });
    }, ms);
  };
  const runOnce = async () => {
    try {
      await task();
    } catch (err) {
      options.log.warn({ err, schedule: name }, `${name} failed`);
    }
    if (!stopped && everyMs !== null) schedule(everyMs + Math.floor(random() * jitter * everyMs));
  };

  schedule(options.firstAfterMs ?? 0);
  return {
    stop: async () => {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
