/** Every job the system runs, with its payload: typed so a producer cannot send a bad one. */
export interface JobPayloads {
  'process-answer': { answerId: string };
  /** Issue 11: deliver one message of the email outbox. */
  'send-email': { messageId: string };
}

export type JobName = keyof JobPayloads;

export interface JobContext {
  /** 1 for the first try. */
  attempt: number;
  /** Reports progress from 0 to 100; throttled by the queue. */
  progress(percent: number): void;
}

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  ctx: JobContext,
) => Promise<void>;

export interface JobHandlerOptions<N extends JobName> {
  /** Called once, after the last try failed (or a PermanentJobError). */
  onFailed?: (payload: JobPayloads[N], error: Error) => Promise<void>;
}

/** A failure that retrying cannot cure (the upload is not media, say): no more tries. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export interface EnqueueOptions {
  /** At most one pending job per id (see `enqueue`). */
  jobId?: string;
  /** Whose job this is (a candidate's invitation): one owner cannot hold every slot. */
  fairGroup?: string;
  /** Relative work, e.g. seconds of media: among waiting jobs the cheaper runs first. */
  cost?: number;
}

/**
 * Background work that survives a restart. The embedded runner keeps jobs in the database;
 * a Redis-backed one (BullMQ) serves several processes.
 */
export interface JobQueue {
  /**
   * Adds a job. With a `jobId`: a no-op while a job with that id is pending (queued or running);
   * once that job has finished or failed, a new one is added. Resolves with whether one was added.
   */
  enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<boolean>;
  /** Registers the handler for a job name; call before `start`. */
  handle<N extends JobName>(name: N, handler: JobHandler<N>, options?: JobHandlerOptions<N>): void;
  /** Begins taking jobs (including those left unfinished by a previous run). */
  start(): Promise<void>;
  /** Stops taking jobs and waits for running ones to settle. */
  stop(): Promise<void>;
}
