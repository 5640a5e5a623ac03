import type { Answer } from '../../../server/contracts/api.js';
import { type CandidateApi, CandidateApiError } from '../candidate-api.js';
import type { Outbox, OutboxChunk, OutboxTake } from './outbox.js';
import {
  classifyFailure,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  retryDelay,
} from './retry-policy.js';
import {
  type Problem,
  progressOf,
  type TakeState,
  type UploaderState,
  type UploadStatus,
} from './upload-types.js';
import { WakeableSleep } from './wakeable-sleep.js';

export type { Problem, TakeProgress, UploaderState, UploadStatus } from './upload-types.js';

export interface UploaderOptions {
  api: Pick<CandidateApi, 'putChunk' | 'complete' | 'answer' | 'abandon'>;
  outbox: Outbox;
  /** The invitation whose takes this uploader sends. */
  scope: string;
  policy?: RetryPolicy;
  isOnline?: () => boolean;
  /** A take another tab is recording right now: this one leaves it alone. */
  isBusyElsewhere?: (answerId: string) => boolean;
  onChange?: (status: UploadStatus) => void;
}

type Job =
  | { kind: 'chunk'; take: TakeState; index: number }
  | { kind: 'complete'; take: TakeState };

interface Waiter {
  resolve: (answer: Answer) => void;
  reject: (err: Error) => void;
}

/** Recent chunks are also kept in memory (up to this much) so a send needs no disk read. */
const HOT_BYTES = 16 * 1024 * 1024;

const problemOf = (err: unknown): Problem => ({
  code: (err as { code?: string }).code ?? 'internal',
  message: err instanceof Error ? err.message : String(err),
});
const asError = (p: Problem) => Object.assign(new Error(p.message), p);
const ignore = () => undefined;
/**
 * The server still takes the take's chunks and `complete`: it records, or it is a tombstone (the
 * take was abandoned or replaced elsewhere before any of it arrived; this device may hold it).
 */
export const takesChunks = (answer: Answer) => answer.status === 'recording' || answer.tombstone;

/** A 404 for a take we are removing means it is already gone. */
const goneIsFine = (err: unknown) => {
  if (!(err instanceof CandidateApiError && err.status === 404)) throw err;
};

/**
 * Sends the outbox to the server, one request at a time and in recording order, so that the
 * server always holds a gap-free prefix of every take. Failures are retried with backoff until
 * they succeed. A chunk leaves the outbox only once acknowledged; `complete` is sent only when
 * every chunk of a closed take is. The outbox is read at start (what a reload left behind);
 * after that the uploader works from memory and the outbox only records progress.
 */
export class ChunkUploader {
  private readonly policy: RetryPolicy;
  private readonly takes = new Map<string, TakeState>();
  private readonly hot = new Map<string, OutboxChunk>();
  private hotBytes = 0;
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly answers = new Map<string, Answer>();
  private running = false;
  /** Bumped by each start(), so a loop left over from before a stop() ends itself. */
  private generation = 0;
  private failures = 0;
  private state: UploaderState = 'idle';
  private retryAt: number | null = null;
  private haltedBy: Problem | null = null;
  private readonly sleep = new WakeableSleep();
  /** A backoff is under way: new chunks do not cut it short, a returning connection does. */
  private backingOff = false;

  constructor(private readonly options: UploaderOptions) {
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
  }

  /** Picks up the takes left in the outbox (e.g. before a reload) and starts sending. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const generation = ++this.generation;
    for (const take of await this.options.outbox.takes(this.options.scope)) {
      if (this.takes.has(take.answerId) || this.options.isBusyElsewhere?.(take.answerId)) continue;
      await this.track(take);
    }
    void this.run(generation);
  }

  stop(): void {
    this.running = false;
    this.sleep.wake();
  }

  /** There is new work: start on it unless a backoff is under way. */
  wake(): void {
    if (!this.backingOff || !this.running) this.sleep.wake();
  }

  /** Try again now: the connection came back or the page became visible. */
  retryNow(): void {
    this.failures = 0;
    this.sleep.wake();
  }

  /** Starts following a take (new, or found in the outbox). */
  async track(take: OutboxTake): Promise<void> {
    const pending = await this.options.outbox.pendingSizes(take.answerId);
    const { answerId, questionId, createdAt, nextIndex, recordedMs, closed, interrupted } = take;
    this.takes.set(answerId, {
      ...{ answerId, questionId, createdAt, nextIndex, recordedMs, closed, interrupted },
      awaitingChoice: take.awaitingChoice ?? false,
      pending,
      submitted: false,
      failure: null,
      requests: [],
      ops: Promise.resolve(),
    });
    this.changed();
    this.wake();
  }

  /**
   * A new chunk of a followed take. Sending may start at once, while the chunk is written to
   * the outbox (in order, resolved when written): the bytes stay in memory until both are done,
   * so a crash loses no more than if the write had come first, and stop → saved is not held
   * up by the disk. A removal after the acknowledgement waits for the write.
   */
  add(chunk: OutboxChunk, recordedMs: number): Promise<void> {
    const take = this.takes.get(chunk.answerId);
    if (!take) return Promise.reject(new Error(`Take ${chunk.answerId} is not followed`));
    take.pending.set(chunk.index, chunk.bytes.byteLength);
    take.nextIndex = Math.max(take.nextIndex, chunk.index + 1);
    take.recordedMs = Math.max(take.recordedMs, recordedMs);
    this.keepHot(chunk);
    this.changed();
    this.wake();
    return this.persist(take, () => this.options.outbox.storeChunk(chunk, recordedMs));
  }

  /**
   * Recording of the take ended: once its chunks are acknowledged, it is completed, unless it
   * awaits the candidate's choice (issue 21): then only once `release` says so.
   */
  close(
    answerId: string,
    recordedMs: number,
    interrupted: boolean,
    awaitingChoice = false,
  ): Promise<void> {
    const take = this.takes.get(answerId);
    if (!take) return Promise.resolve();
    recordedMs = Math.max(take.recordedMs, recordedMs);
    Object.assign(take, { closed: true, interrupted, recordedMs, awaitingChoice });
    this.changed();
    this.wake();
    return this.saveState(take);
  }

  /** The candidate chose to keep a take that awaited the choice: complete it now. */
  release(answerId: string): Promise<void> {
    const take = this.takes.get(answerId);
    if (!take?.awaitingChoice) return Promise.resolve();
    take.awaitingChoice = false;
    this.changed();
    this.wake();
    return this.saveState(take);
  }

  /** The take was set aside on the server: stop following it and drop what is left of it here. */
  forget(answerId: string): Promise<void> {
    const take = this.takes.get(answerId);
    if (!take) return Promise.resolve();
    this.takes.delete(answerId);
    for (const index of take.pending.keys()) {
      const chunk = this.hot.get(`${answerId}/${index}`);
      if (chunk && this.hot.delete(`${answerId}/${index}`)) this.hotBytes -= chunk.bytes.byteLength;
    }
    this.changed();
    return this.persist(take, () => this.options.outbox.removeTake(answerId));
  }

  /** Writes the take's closing state to the outbox, unless the server already accepted it. */
  private saveState(take: TakeState): Promise<void> {
    const { answerId, closed, interrupted, recordedMs, awaitingChoice } = take;
    return this.persist(take, async () => {
      const stored = await this.options.outbox.take(answerId);
      if (stored && !take.submitted) {
        await this.options.outbox.saveTake({
          ...stored,
          ...{ closed, interrupted, recordedMs, awaitingChoice },
        });
      }
    });
  }

  /** Resolves with the Answer once the server accepted the take; rejects if it never can. */
  submitted(answerId: string): Promise<Answer> {
    const answer = this.answers.get(answerId);
    if (answer) return Promise.resolve(answer);
    const failure = this.takes.get(answerId)?.failure ?? this.haltedBy;
    if (failure) return Promise.reject(asError(failure));
    return new Promise((resolve, reject) => {
      this.waiters.set(answerId, [...(this.waiters.get(answerId) ?? []), { resolve, reject }]);
    });
  }

  /** Sizes and times of the take's chunk requests so far (empty for an unknown take). */
  requestTimes(answerId: string): { bytes: number; ms: number }[] {
    return this.takes.get(answerId)?.requests ?? [];
  }

  status(): UploadStatus {
    const takes = [...this.takes.values()].map(progressOf);
    return {
      state: this.state,
      pendingChunks: takes.reduce((sum, t) => sum + t.pending, 0),
      pendingBytes: takes.reduce((sum, t) => sum + t.pendingBytes, 0),
      retryAt: this.retryAt,
      takes,
      error: this.haltedBy,
    };
  }

  private async run(generation: number): Promise<void> {
    while (this.running && generation === this.generation) {
      // Chosen synchronously from memory: no wake-up can slip in between choosing and napping.
      const job = this.haltedBy ? null : this.nextJob();
      if (!job) {
        this.setState(this.haltedBy ? 'halted' : 'idle');
        await this.sleep.until(null);
        continue;
      }
      this.setState('uploading');
      try {
        await (job.kind === 'chunk'
          ? this.sendChunk(job.take, job.index)
          : this.sendComplete(job.take));
        this.failures = 0;
      } catch (err) {
        await this.recover(job.take, err).catch((again: unknown) => this.backOff(again));
      }
    }
  }

  private nextJob(): Job | null {
    const open = [...this.takes.values()].filter((t) => !t.submitted && !t.failure);
    for (const take of open.sort((a, b) => a.createdAt - b.createdAt)) {
      if (take.pending.size > 0)
        return { kind: 'chunk', take, index: Math.min(...take.pending.keys()) };
      if (take.closed && !take.awaitingChoice) return { kind: 'complete', take };
    }
    return null;
  }

  private async sendChunk(take: TakeState, index: number): Promise<void> {
    const key = `${take.answerId}/${index}`;
    const chunk = this.hot.get(key) ?? (await this.options.outbox.chunk(take.answerId, index));
    if (chunk) {
      const started = performance.now();
      await this.options.api.putChunk(take.answerId, index, chunk.bytes, chunk.sha256);
      take.requests.push({ bytes: chunk.bytes.byteLength, ms: performance.now() - started });
    }
    take.pending.delete(index);
    if (chunk && this.hot.delete(key)) this.hotBytes -= chunk.bytes.byteLength;
    // Not awaited: a removal lost to a crash only means sending that chunk once more.
    void this.persist(take, () => this.options.outbox.removeChunk(take.answerId, index)).catch(
      ignore,
    );
    this.changed();
  }

  private async sendComplete(take: TakeState): Promise<void> {
    if (take.nextIndex === 0) {
      // Ended before its first slice: nothing to submit, and the attempt is given back.
      await this.options.api.abandon(take.answerId).catch(goneIsFine);
      void this.persist(take, () => this.options.outbox.removeTake(take.answerId)).catch(ignore);
      return this.fail(take, { code: 'empty_take', message: 'Nothing was recorded.' });
    }
    const answer = await this.options.api.complete(take.answerId, take.nextIndex, take.recordedMs);
    this.accepted(take, answer);
  }

  private accepted(take: TakeState, answer: Answer): void {
    Object.assign(take, { submitted: true, pending: new Map() });
    this.answers.set(take.answerId, answer);
    void this.persist(take, () => this.options.outbox.removeTake(take.answerId)).catch(ignore);
    for (const waiter of this.waiters.get(take.answerId) ?? []) waiter.resolve(answer);
    this.waiters.delete(take.answerId);
    this.changed();
  }

  private persist(take: TakeState, op: () => Promise<void>): Promise<void> {
    const next = take.ops.then(op);
    take.ops = next.catch(ignore);
    return next;
  }

  private keepHot(chunk: OutboxChunk): void {
    if (this.hotBytes + chunk.bytes.byteLength > HOT_BYTES) return;
    this.hot.set(`${chunk.answerId}/${chunk.index}`, chunk);
    this.hotBytes += chunk.bytes.byteLength;
  }

  private fail(take: TakeState, failure: Problem): void {
    take.failure = failure;
    for (const waiter of this.waiters.get(take.answerId) ?? []) waiter.reject(asError(failure));
    this.waiters.delete(take.answerId);
    this.changed();
  }

  private async recover(take: TakeState, err: unknown): Promise<void> {
    const action = classifyFailure(err);
    if (action === 'retry') return this.backOff(err);
    if (action === 'halt') {
      this.haltedBy = problemOf(err);
      for (const t of this.takes.values())
        if (this.waiters.has(t.answerId)) this.fail(t, this.haltedBy);
      return;
    }
    if (action === 'closed') {
      // Someone completed it (another tab or device): the server's state is the truth.
      const answer = await this.options.api.answer(take.answerId).catch(() => null);
      if (answer && !takesChunks(answer)) return this.accepted(take, answer);
      if (!answer) return this.backOff(err);
    }
    if (action === 'recount' && (await this.recount(take))) return;
    this.fail(take, problemOf(err));
  }

  /**
   * The server holds chunks past the take's count: acknowledged, then the page died before the
   * outbox recorded them. They are the candidate's recording: count them in (the next loop
   * completes the take with them). False when the server's view explains nothing.
   */
  private async recount(take: TakeState): Promise<boolean> {
    const answer = await this.options.api.answer(take.answerId);
    if (!takesChunks(answer)) {
      this.accepted(take, answer);
      return true;
    }
    const count = Math.max(-1, ...answer.receivedChunks) + 1;
    if (count <= take.nextIndex) return false;
    take.nextIndex = count;
    this.changed();
    return true;
  }

  private async backOff(err: unknown): Promise<void> {
    this.failures += 1;
    const retryAfter = (err as { retryAfterMs?: number | null }).retryAfterMs;
    const delay = retryDelay(this.failures, this.policy, retryAfter);
    const online = this.options.isOnline?.() ?? true;
    this.retryAt = Date.now() + delay;
    this.setState(online ? 'waiting' : 'offline');
    this.backingOff = true;
    await this.sleep.until(delay);
    this.backingOff = false;
    this.retryAt = null;
  }

  private setState(state: UploaderState): void {
    if (state === this.state) return;
    this.state = state;
    this.changed();
  }

  private changed(): void {
    this.options.onChange?.(this.status());
  }
}
