import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { JobHandlers } from './job-handlers.js';
import {
  type JobHandler,
  type JobHandlerOptions,
  type JobName,
  type JobPayloads,
  type JobQueue,
  PermanentJobError,
} from './job-queue.js';

export interface InProcessJobQueueOptions {
  db: Db;
  log: Logger;
  concurrency: number;
  maxAttempts?: number;
  /** Delay before retry n (1-based): base × 4^(n-1). */
  retryBaseMs?: number;
  /** How often to look for due jobs when nobody wakes the queue (retries that came due). */
  pollMs?: number;
}

/**
 * The embedded job runner: jobs live in the database, so work queued before a crash or restart
 * is picked up at the next start. One process owns the queue (the embedded mode); several
 * processes use the Redis-backed queue instead.
 */
export class InProcessJobQueue implements JobQueue {
  readonly #handlers = new JobHandlers();
  readonly #running = new Set<Promise<void>>();
  readonly #opts: Required<InProcessJobQueueOptions>;
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;
  #pumping = false;

  constructor(options: InProcessJobQueueOptions) {
    this.#opts = { maxAttempts: 4, retryBaseMs: 2000, pollMs: 1000, ...options };
  }

  handle<N extends JobName>(
    name: N,
    handler: JobHandler<N>,
    options: JobHandlerOptions<N> = {},
  ): void {
    this.#handlers.register(name, handler, options);
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: { jobId?: string } = {},
  ): Promise<boolean> {
    const now = new Date().toISOString();
    const id = options.jobId ? `${name}:${options.jobId}` : newId();
    const existing = await this.#opts.db
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    if (existing && (existing.status === 'queued' || existing.status === 'running')) return false;
    const row = {
      name,
      payload: JSON.stringify(payload),
      status: 'queued' as const,
      attempts: 0,
      runAfter: now,
      lockedAt: null,
      lastError: null,
      updatedAt: now,
    };
    if (existing) await this.#opts.db.updateTable('jobs').set(row).where('id', '=', id).execute();
    else
      await this.#opts.db
        .insertInto('jobs')
        .values({ id, ...row, createdAt: now })
        .execute();
    this.#wake();
    return true;
  }

  async start(): Promise<void> {
    // Whatever was running when the last process stopped did not finish: run it again.
    await this.#opts.db
      .updateTable('jobs')
      .set({ status: 'queued', lockedAt: null })
      .where('status', '=', 'running')
      .execute();
    this.#stopped = false;
    this.#timer = setInterval(() => this.#wake(), this.#opts.pollMs);
    this.#timer.unref();
    this.#wake();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await Promise.allSettled([...this.#running]);
  }

  #wake(): void {
    if (this.#stopped || this.#pumping) return;
    this.#pumping = true;
    this.#pump()
      .catch((err) => this.#opts.log.error({ err }, 'job queue could not read jobs'))
      .finally(() => {
        this.#pumping = false;
      });
  }

  /** Claims due jobs while there is capacity. */
  async #pump(): Promise<void> {
    while (!this.#stopped && this.#running.size < this.#opts.concurrency) {
      const job = await this.#claimNext();
      if (!job) return;
      const run = this.#run(job).finally(() => {
        this.#running.delete(run);
        this.#wake();
      });
      this.#running.add(run);
    }
  }

  async #claimNext() {
    const now = new Date().toISOString();
    const names = this.#handlers.names;
    if (names.length === 0) return undefined;
    const job = await this.#opts.db
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'queued')
      .where('runAfter', '<=', now)
      .where('name', 'in', names)
      .orderBy('runAfter')
      .limit(1)
      .executeTakeFirst();
    if (!job) return undefined;
    const claimed = await this.#opts.db
      .updateTable('jobs')
      .set({ status: 'running', lockedAt: now, attempts: job.attempts + 1, updatedAt: now })
      .where('id', '=', job.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return claimed.numUpdatedRows > 0n ? { ...job, attempts: job.attempts + 1 } : undefined;
  }

  async #run(job: { id: string; name: string; payload: string; attempts: number }): Promise<void> {
    const payload = JSON.parse(job.payload) as JobPayloads[JobName];
    const log = this.#opts.log.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    let lastLogged = -1;
    try {
      await this.#handlers.run(job.name, payload, {
        attempt: job.attempts,
        progress: (percent) => {
          const step = Math.floor(percent / 25);
          if (step > lastLogged) log.debug({ percent: Math.round(percent) }, 'job progress');
          lastLogged = Math.max(lastLogged, step);
        },
      });
      await this.#settle(job.id, { status: 'done', lastError: null });
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const final = error instanceof PermanentJobError || job.attempts >= this.#opts.maxAttempts;
      if (!final) {
        const delay = this.#opts.retryBaseMs * 4 ** (job.attempts - 1);
        log.warn({ err: error, retryInMs: delay }, 'job failed; will retry');
        await this.#settle(job.id, {
          status: 'queued',
          lastError: error.message,
          runAfter: new Date(Date.now() + delay).toISOString(),
        });
        return;
      }
      log.error({ err: error }, 'job failed for good');
      await this.#settle(job.id, { status: 'failed', lastError: error.message });
      await this.#handlers.reportFinalFailure(job.name, payload, error, log);
    }
  }

  async #settle(
    id: string,
    values: { status: 'done' | 'queued' | 'failed'; lastError: string | null; runAfter?: string },
  ) {
    await this.#opts.db
      .updateTable('jobs')
      .set({ ...values, lockedAt: null, updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }
}
