import { PermanentJobError } from './job-queue.js';

/**
 * The one retry policy of both job queues (in-process and BullMQ), so a job behaves the same
 * whichever runs it: how many tries, how long between them, and what ends a job at once.
 */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The wait before the second try; each later wait is `factor` times the one before. */
  baseDelayMs: number;
  factor: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 2000, factor: 4 };

export function retryPolicy(overrides: { maxAttempts?: number; retryBaseMs?: number }) {
  return {
    ...DEFAULT_RETRY_POLICY,
    ...(overrides.maxAttempts !== undefined ? { maxAttempts: overrides.maxAttempts } : {}),
    ...(overrides.retryBaseMs !== undefined ? { baseDelayMs: overrides.retryBaseMs } : {}),
  };
}

/** The wait after try number `attemptsMade` (1-based) failed: base, base×factor, base×factor²… */
export function retryDelayMs(policy: RetryPolicy, attemptsMade: number): number {
  return policy.baseDelayMs * policy.factor ** Math.max(0, attemptsMade - 1);
}

/** No more tries: the error says retrying cannot help, or every try has been used. */
export function isFinalFailure(policy: RetryPolicy, error: Error, attemptsMade: number): boolean {
  return error instanceof PermanentJobError || attemptsMade >= policy.maxAttempts;
}

/** A job nobody handles (a name from another version, a typo) fails at once, for good. */
export function unknownJobError(name: string): PermanentJobError {
  return new PermanentJobError(`No handler for job ${name}.`);
}

/**
 * How much of a queue's slots one owner (a candidate's invitation) may hold at once: all of a
 * single slot, otherwise all but one, so another owner's job always finds a free slot.
 */
export function slotsPerGroup(concurrency: number): number {
  return Math.max(1, concurrency - 1);
}
