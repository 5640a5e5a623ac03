import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { JobHandlers } from './job-handlers.js';
import {
  type EnqueueOptions,
  type JobHandler,
  type JobHandlerOptions,
  type JobName,
  type JobPayloads,
  type JobQueue,
  PermanentJobError,
} from './job-queue.js';
import { JOB_LANES, type JobLane, type LaneConcurrency, laneOf, slotsOf } from './lanes.js';
import {
  type RetryPolicy,
  retryDelayMs,
  retryPolicy,
  slotsPerGroup,
  unknownJobError,
} from './retry-policy.js';

/** BullMQ's priorities run from 1 (first) to 2^21. */
const MAX_PRIORITY = 2 ** 21;
/** A job whose owner holds its share of this worker's slots waits this long, then is looked at again. */
const GROUP_BUSY_DELAY_MS = 500;

/**
 * One BullMQ queue per lane (lanes.ts), each with its own worker and concurrency. The media
 * lane keeps the queue name of the days before lanes, whose worker runs any job found there
 * (mail queued before an upgrade included).
 */
const QUEUE_NAMES: Record<JobLane, string> = { media: 'media', email: 'email' };
const PREFIX = 'interviews';
/** Past this an enqueue is given up (Redis down): the stranded-answer sweep re-queues later. */
const ENQUEUE_TIMEOUT_MS = 3000;

export interface BullMqJobQueueOptions {
  /** A connection made by connectRedis; the queue duplicates it for its worker. */
  redis: Redis;
  log: Logger;
  /** Jobs of each lane this process runs at once; 0 = this process only enqueues. */
  concurrency: number;
  /** A lane's own number, in place of `concurrency` (0: this process runs none of that lane). */
  lanes?: LaneConcurrency;
  lockSeconds: number;
  /** Overrides of the shared retry policy (retry-policy.ts); tests shorten the delays. */
  maxAttempts?: number;
  retryBaseMs?: number;
}

/** The payload as given, plus its owner when it has one (read back by payloadOf). */
type JobData = Record<string, unknown> & { [FAIR_GROUP]?: string };

const FAIR_GROUP = '_fairGroup';

/**
 * The JobQueue on BullMQ, for several API and worker processes sharing Redis: retries with
 * exponential backoff, stalled jobs (a worker that died) taken over by another worker after
 * the lock expires, progress stored on the job.
 */
export class BullMqJobQueue implements JobQueue {
  readonly #queues: Record<JobLane, Queue>;
  readonly #handlers = new JobHandlers();
  readonly #opts: BullMqJobQueueOptions;
  readonly #policy: RetryPolicy;
  /** Jobs this worker runs now, by fair group. */
  readonly #groupsRunning = new Map<string, number>();
  #workers: { worker: Worker; redis: Redis }[] = [];

  constructor(options: BullMqJobQueueOptions) {
    this.#opts = options;
    this.#policy = retryPolicy(options);
    const queue = (lane: JobLane) => {
      const q = new Queue(QUEUE_NAMES[lane], { connection: options.redis, prefix: PREFIX });
      q.on('error', (err) => options.log.warn({ err, lane }, 'job queue error'));
      return q;
    };
    this.#queues = { media: queue('media'), email: queue('email') };
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
    return withTimeout(this.#add(name, payload, options));
  }

  /** Same contract as the embedded queue: a pending job with this id wins; a finished one is replaced. */
  async #add(name: JobName, payload: unknown, options: EnqueueOptions): Promise<boolean> {
    const jobId = options.jobId ? `${name}.${options.jobId}` : undefined;
    const queue = this.#queues[laneOf(name)];
    if (jobId) {
      const existing = await queue.getJob(jobId);
      const state = existing ? await existing.getState() : 'unknown';
      if (state === 'completed' || state === 'failed') await existing!.remove();
      else if (state !== 'unknown') return false;
    }
    const data: JobData = options.fairGroup
      ? { ...(payload as object), [FAIR_GROUP]: options.fairGroup }
      : (payload as JobData);
    await queue.add(name, data, {
      jobId,
      attempts: this.#policy.maxAttempts,
      // The shared policy's delays, computed by the worker's backoffStrategy.
      backoff: { type: 'policy' },
      // Cheaper jobs first: a short answer overtakes a long one queued before it.
      ...(options.cost !== undefined
        ? { priority: Math.min(MAX_PRIORITY, Math.max(1, Math.round(options.cost) + 1)) }
        : {}),
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    return true;
  }

  async start(): Promise<void> {
    const names = this.#handlers.names;
    for (const lane of JOB_LANES) {
      const slots = this.#slots(lane);
      // The media worker also runs leftovers of any name; another lane's only its own jobs.
      const handled = lane === 'media' ? names.length > 0 : names.some((n) => laneOf(n) === lane);
      if (slots > 0 && handled) this.#workers.push(this.#startWorker(lane, slots));
    }
  }

  #slots(lane: JobLane): number {
    return slotsOf(lane, this.#opts.concurrency, this.#opts.lanes);
  }

  #startWorker(lane: JobLane, concurrency: number): { worker: Worker; redis: Redis } {
    const lockDuration = this.#opts.lockSeconds * 1000;
    // BullMQ leaves a connection it is handed open when the worker closes (it only closes the
    // duplicates it makes itself), so this one is kept to be closed in stop(): it used to stay
    // connected after stop, reconnecting forever and, its error listener gone with the worker,
    // printing "[ioredis] Unhandled error event" on every try while Redis was down.
    const redis = this.#opts.redis.duplicate();
    const worker = new Worker(
      QUEUE_NAMES[lane],
      (job, token) => this.#process(job, token, concurrency),
      {
        connection: redis,
        settings: { backoffStrategy: (attemptsMade) => retryDelayMs(this.#policy, attemptsMade) },
        prefix: PREFIX,
        concurrency,
        lockDuration,
        stalledInterval: lockDuration,
        // A worker killed mid-job is normal in a cluster; two takeovers allowed before failing.
        maxStalledCount: 2,
      },
    );
    worker.on('error', (err) => this.#opts.log.warn({ err, lane }, 'job worker error'));
    worker.on('failed', (job, err) => void this.#onFailed(job, err));
    return { worker, redis };
  }

  async stop(): Promise<void> {
    const workers = this.#workers;
    this.#workers = [];
    await Promise.all(workers.map(({ worker }) => worker.close()));
    // The workers have settled their jobs; disconnect (not quit) so a Redis outage cannot hold stop.
    for (const { redis } of workers) redis.disconnect();
    await Promise.all(JOB_LANES.map((lane) => this.#queues[lane].close()));
  }

  async #process(job: Job<JobData>, token: string | undefined, slots: number): Promise<void> {
    if (!this.#handlers.has(job.name))
      throw new UnrecoverableError(unknownJobError(job.name).message);
    const group = job.data[FAIR_GROUP];
    if (group && token) {
      const running = this.#groupsRunning.get(group) ?? 0;
      if (running >= slotsPerGroup(slots)) {
        // Its owner already holds its share of the slots: let another owner's job have this one.
        await job.moveToDelayed(Date.now() + GROUP_BUSY_DELAY_MS, token);
        throw new DelayedError();
      }
    }
    if (group) this.#groupsRunning.set(group, (this.#groupsRunning.get(group) ?? 0) + 1);
    try {
      await this.#handlers.run(job.name, payloadOf(job.data), {
        attempt: job.attemptsMade + 1,
        progress: (percent) => void job.updateProgress(Math.round(percent)).catch(() => {}),
      });
    } catch (err) {
      if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
      throw err;
    } finally {
      if (group) {
        const left = (this.#groupsRunning.get(group) ?? 1) - 1;
        if (left > 0) this.#groupsRunning.set(group, left);
        else this.#groupsRunning.delete(group);
      }
    }
  }

  async #onFailed(job: Job | undefined, err: Error): Promise<void> {
    if (!job) return;
    const final =
      err instanceof UnrecoverableError ||
      err.name === 'UnrecoverableError' ||
      job.attemptsMade >= (job.opts.attempts ?? 1);
    const log = this.#opts.log.child({ job: job.name, jobId: job.id, attempt: job.attemptsMade });
    if (!final) {
      log.warn({ err }, 'job failed; will retry');
      return;
    }
    log.error({ err }, 'job failed for good');
    const error = err.name === 'UnrecoverableError' ? new PermanentJobError(err.message) : err;
    await this.#handlers.reportFinalFailure(job.name, payloadOf(job.data), error, log);
  }
}

function payloadOf(data: JobData): JobPayloads[JobName] {
  const { [FAIR_GROUP]: _owner, ...payload } = data;
  return payload as unknown as JobPayloads[JobName];
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('The job queue (Redis) did not answer in time.')),
      ENQUEUE_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
