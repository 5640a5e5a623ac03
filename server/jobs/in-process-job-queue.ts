import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { JobHandlers } from './job-handlers.js';
import type {
  EnqueueOptions,
  JobHandler,
  JobHandlerOptions,
  JobName,
  JobPayloads,
  JobQueue,
} from './job-queue.js';
import { JOB_LANES, type JobLane, type LaneConcurrency, namesOfLane, slotsOf } from './lanes.js';
import {
  isFinalFailure,
  type RetryPolicy,
  retryDelayMs,
  retryPolicy,
  slotsPerGroup,
  unknownJobError,
} from './retry-policy.js';

/** Due jobs looked at per claim: the fairest among them is taken. */
const CLAIM_WINDOW = 100;
/**
 * Aging: a job's cost (seconds of media) delays it by this much per unit against cheaper jobs
 * queued later, so short answers overtake a long one yet the long one is never starved.
 */
const WAIT_MS_PER_COST = 1000;

interface ClaimedJob {
  id: string;
  name: string;
  payload: string;
  attempts: number;
}

export interface InProcessJobQueueOptions {
  db: Db;
  log: Logger;
  /** Jobs of each lane run at once (lanes.ts), unless `lanes` gives a lane its own number. */
  concurrency: number;
  lanes?: LaneConcurrency;
  /** Overrides of the shared retry policy (retry-policy.ts); tests shorten the delays. */
  maxAttempts?: number;
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
  /** Jobs running now, by lane. */
  readonly #lanesRunning = new Map<JobLane, number>();
  /** Jobs running now, by fair group. */
  readonly #groupsRunning = new Map<string, number>();
  readonly #opts: Required<Omit<InProcessJobQueueOptions, 'maxAttempts' | 'retryBaseMs'>>;
  readonly #policy: RetryPolicy;
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;
  #pumping = false;
  #wakeAgain = false;

  constructor(options: InProcessJobQueueOptions) {
    this.#opts = { pollMs: 1000, lanes: {}, ...options };
    this.#policy = retryPolicy(options);
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
    options: EnqueueOptions = {},
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
      fairGroup: options.fairGroup ?? null,
      cost: options.cost ?? 0,
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
    if (this.#stopped) return;
    if (this.#pumping) {
      // A job queued while a pass runs may have been looked for already: pass again after it,
      // rather than leave it for the poll (a mail would wait up to pollMs for nothing).
      this.#wakeAgain = true;
      return;
    }
    this.#pumping = true;
    this.#wakeAgain = false;
    this.#pump()
      .catch((err) => this.#opts.log.error({ err }, 'job queue could not read jobs'))
      .finally(() => {
        this.#pumping = false;
        if (this.#wakeAgain) this.#wake();
      });
  }

  /** Claims due jobs while a lane has capacity; each lane fills its own slots. */
  async #pump(): Promise<void> {
    let claimed = true;
    while (!this.#stopped && claimed) {
      claimed = false;
      for (const lane of JOB_LANES) {
        if (this.#stopped || (this.#lanesRunning.get(lane) ?? 0) >= this.#slots(lane)) continue;
        const job = await this.#claimNext(lane);
        if (!job) continue;
        claimed = true;
        this.#begin(lane, job);
      }
    }
  }

  #slots(lane: JobLane): number {
    return slotsOf(lane, this.#opts.concurrency, this.#opts.lanes);
  }

  #begin(lane: JobLane, job: ClaimedJob & { fairGroup: string | null }): void {
    const group = job.fairGroup;
    if (group) this.#groupsRunning.set(group, (this.#groupsRunning.get(group) ?? 0) + 1);
    this.#lanesRunning.set(lane, (this.#lanesRunning.get(lane) ?? 0) + 1);
    const run = this.#run(job).finally(() => {
      this.#running.delete(run);
      this.#lanesRunning.set(lane, (this.#lanesRunning.get(lane) ?? 1) - 1);
      if (group) {
        const left = (this.#groupsRunning.get(group) ?? 1) - 1;
        if (left > 0) this.#groupsRunning.set(group, left);
        else this.#groupsRunning.delete(group);
      }
      this.#wake();
    });
    this.#running.add(run);
  }

  async #claimNext(lane: JobLane) {
    const now = new Date().toISOString();
    if (this.#handlers.names.length === 0) return undefined;
    const mail = namesOfLane('email');
    const due = await this.#opts.db
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'queued')
      .where('runAfter', '<=', now)
      .where('name', lane === 'email' ? 'in' : 'not in', mail)
      .orderBy('runAfter')
      .limit(CLAIM_WINDOW)
      .execute();
    const job = this.#fairest(due, this.#slots(lane));
    if (!job) return undefined;
    const claimed = await this.#opts.db
      .updateTable('jobs')
      .set({ status: 'running', lockedAt: now, attempts: job.attempts + 1, updatedAt: now })
      .where('id', '=', job.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return claimed.numUpdatedRows > 0n ? { ...job, attempts: job.attempts + 1 } : undefined;
  }

  /**
   * Of the due jobs, the one to run: never one whose owner already holds its share of the
   * slots; otherwise the earliest once each is pushed back by its cost (short ones first).
   */
  #fairest<J extends { fairGroup: string | null; cost: number; runAfter: string }>(
    due: J[],
    slots: number,
  ): J | undefined {
    const share = slotsPerGroup(slots);
    const allowed = due.filter(
      (job) => !job.fairGroup || (this.#groupsRunning.get(job.fairGroup) ?? 0) < share,
    );
    const score = (job: J) => Date.parse(job.runAfter) + job.cost * WAIT_MS_PER_COST;
    return allowed.reduce<J | undefined>(
      (best, job) => (best === undefined || score(job) < score(best) ? job : best),
      undefined,
    );
  }

  async #run(job: ClaimedJob): Promise<void> {
    const payload = JSON.parse(job.payload) as JobPayloads[JobName];
    const log = this.#opts.log.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    let lastLogged = -1;
    try {
      if (!this.#handlers.has(job.name)) throw unknownJobError(job.name);
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
      if (!isFinalFailure(this.#policy, error, job.attempts)) {
        const delay = retryDelayMs(this.#policy, job.attempts);
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
