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

const QUEUE_NAME = 'media';
const PREFIX = 'interviews';
/** Past this an enqueue is given up (Redis down): the stranded-answer sweep re-queues later. */
const ENQUEUE_TIMEOUT_MS = 3000;

export interface BullMqJobQueueOptions {
  /** A connection made by connectRedis; the queue duplicates it for its worker. */
  redis: Redis;
  log: Logger;
  /** Jobs this process runs at once; 0 = this process only enqueues. */
  concurrency: number;
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
  readonly #queue: Queue;
  readonly #handlers = new JobHandlers();
  readonly #opts: BullMqJobQueueOptions;
  readonly #policy: RetryPolicy;
  /** Jobs this worker runs now, by fair group. */
  readonly #groupsRunning = new Map<string, number>();
  #worker: Worker | undefined;
  #workerRedis: Redis | undefined;

  constructor(options: BullMqJobQueueOptions) {
    this.#opts = options;
    this.#policy = retryPolicy(options);
    this.#queue = new Queue(QUEUE_NAME, { connection: options.redis, prefix: PREFIX });
    this.#queue.on('error', (err) => options.log.warn({ err }, 'job queue error'));
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
    if (jobId) {
      const existing = await this.#queue.getJob(jobId);
      const state = existing ? await existing.getState() : 'unknown';
      if (state === 'completed' || state === 'failed') await existing!.remove();
      else if (state !== 'unknown') return false;
    }
    const data: JobData = options.fairGroup
      ? { ...(payload as object), [FAIR_GROUP]: options.fairGroup }
      : (payload as JobData);
    await this.#queue.add(name, data, {
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
    if (this.#opts.concurrency === 0 || this.#handlers.names.length === 0) return;
    const lockDuration = this.#opts.lockSeconds * 1000;
    // BullMQ leaves a connection it is handed open when the worker closes (it only closes the
    // duplicates it makes itself), so this one is kept to be closed in stop(): it used to stay
    // connected after stop, reconnecting forever and, its error listener gone with the worker,
    // printing "[ioredis] Unhandled error event" on every try while Redis was down.
    this.#workerRedis = this.#opts.redis.duplicate();
    this.#worker = new Worker(QUEUE_NAME, (job, token) => this.#process(job, token), {
      connection: this.#workerRedis,
      settings: { backoffStrategy: (attemptsMade) => retryDelayMs(this.#policy, attemptsMade) },
      prefix: PREFIX,
      concurrency: this.#opts.concurrency,
      lockDuration,
      stalledInterval: lockDuration,
      // A worker killed mid-job is normal in a cluster; two takeovers allowed before failing.
      maxStalledCount: 2,
    });
    this.#worker.on('error', (err) => this.#opts.log.warn({ err }, 'job worker error'));
    this.#worker.on('failed', (job, err) => void this.#onFailed(job, err));
  }

  async stop(): Promise<void> {
    await this.#worker?.close();
    // The worker has settled its jobs; disconnect (not quit) so a Redis outage cannot hold stop.
    this.#workerRedis?.disconnect();
    this.#worker = undefined;
    this.#workerRedis = undefined;
    await this.#queue.close();
  }

  async #process(job: Job<JobData>, token: string | undefined): Promise<void> {
    if (!this.#handlers.has(job.name))
      throw new UnrecoverableError(unknownJobError(job.name).message);
    const group = job.data[FAIR_GROUP];
    if (group && token) {
      const running = this.#groupsRunning.get(group) ?? 0;
      if (running >= slotsPerGroup(this.#opts.concurrency)) {
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
