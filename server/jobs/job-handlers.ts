import type { Logger } from 'pino';
import type {
  JobContext,
  JobHandler,
  JobHandlerOptions,
  JobName,
  JobPayloads,
} from './job-queue.js';

interface Registration {
  handler: JobHandler<JobName>;
  options: JobHandlerOptions<JobName>;
}

/** The handlers a queue runs, by job name; both JobQueue implementations keep theirs here. */
export class JobHandlers {
  readonly #byName = new Map<string, Registration>();

  register<N extends JobName>(
    name: N,
    handler: JobHandler<N>,
    options: JobHandlerOptions<N>,
  ): void {
    this.#byName.set(name, { handler, options } as unknown as Registration);
  }

  get names(): JobName[] {
    return [...this.#byName.keys()] as JobName[];
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** Runs the job's handler; the caller makes sure one is registered. */
  run(name: string, payload: JobPayloads[JobName], ctx: JobContext): Promise<void> {
    return this.#byName.get(name)!.handler(payload, ctx);
  }

  /** Tells the job's `onFailed` that the last try failed; its own failure is only logged. */
  async reportFinalFailure(
    name: string,
    payload: JobPayloads[JobName],
    error: Error,
    log: Logger,
  ): Promise<void> {
    await this.#byName
      .get(name)
      ?.options.onFailed?.(payload, error)
      .catch((err: Error) => log.error({ err }, 'onFailed handler failed'));
  }
}
