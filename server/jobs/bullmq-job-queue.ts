import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { JobHandlers } from './job-handlers.js';
import {
  type JobHandler,
  type JobHandlerOptions,
  type JobName,
  type JobPayloads,
  type JobQueue,
  PermanentJobError,
} from './job-queue.js';

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
  maxAttempts?: number;
  retryBaseMs?: number;
}

/**
 * The JobQueue on BullMQ, for several API and worker processes sharing Redis: retries with
 * exponential backoff, stalled jobs (a worker that died) taken over by another worker after
 * the lock expires, progress stored on the job.
 */
export class BullMqJobQueue implements JobQueue {
  readonly #queue: Queue;
  readonly #handlers = new JobHandlers();
  readonly #opts: Required<BullMqJobQueueOptions>;
  #worker: Worker | undefined;
  #workerRedis: Redis | undefined;

  constructor(options: BullMqJobQueueOptions) {
    this.#opts = { maxAttempts: 4, retryBaseMs: 2000, ...options };
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
    options: { jobId?: string } = {},
  ): Promise<boolean> {
    return withTimeout(
      this.#add(name, payload, options.jobId ? `${name}.${options.jobId}` : undefined),
    );
  }

  /** Same contract as the embedded queue: a pending job with this id wins; a finished one is replaced. */
  async #add(name: JobName, payload: unknown, jobId: string | undefined): Promise<boolean> {
    if (jobId) {
      const existing = await this.#queue.getJob(jobId);
      const state = existing ? await existing.getState() : 'unknown';
      if (state === 'completed' || state === 'failed') await existing!.remove();
      else if (state !== 'unknown') return false;
    }
    await this.#queue.add(name, payload, {
      jobId,
      attempts: this.#opts.maxAttempts,
      backoff: { type: 'exponential', delay: this.#opts.retryBaseMs },
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
    this.#worker = new Worker(QUEUE_NAME, (job) => this.#process(job), {
      connection: this.#workerRedis,
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

  async #process(job: Job): Promise<void> {
    if (!this.#handlers.has(job.name))
      throw new UnrecoverableError(`No handler for job ${job.name}`);
    try {
      await this.#handlers.run(job.name, job.data, {
        attempt: job.attemptsMade + 1,
        progress: (percent) => void job.updateProgress(Math.round(percent)).catch(() => {}),
      });
    } catch (err) {
      if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
      throw err;
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
    await this.#handlers.reportFinalFailure(job.name, job.data, error, log);
  }
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
