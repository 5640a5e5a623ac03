import { CandidateApiError, NetworkError } from '../candidate-api.js';

export interface RetryPolicy {
  /** First wait after a failure. */
  baseMs: number;
  /** Waits double up to this. */
  maxMs: number;
  /** 0..1; injected in tests for exact delays. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 500,
  maxMs: 30_000,
  random: Math.random,
};

/**
 * Exponential backoff with jitter (half fixed, half random) so that many candidates coming back
 * online together do not retry in lockstep. A server's Retry-After is honoured when longer.
 */
export function retryDelay(failures: number, policy: RetryPolicy, retryAfterMs?: number | null) {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  const delay = ceiling / 2 + (ceiling / 2) * policy.random();
  return Math.max(delay, retryAfterMs ?? 0);
}

/**
 * What to do after a failed request:
 * - `retry`: the network or the server had a moment; the same request will work later;
 * - `closed`: the answer no longer takes chunks (completed elsewhere): ask the server its state;
 * - `recount`: the server holds chunks this device did not count (the page died between the
 *   server's acknowledgement and the device's own write): ask the server, count them in;
 * - `take`: this take cannot go on (gone, refused); keep its bytes and stop trying it;
 * - `halt`: nothing will work (token revoked, interview closed past the grace period).
 */
export type FailureAction = 'retry' | 'closed' | 'recount' | 'take' | 'halt';

export function classifyFailure(err: unknown): FailureAction {
  if (err instanceof NetworkError) return 'retry';
  if (!(err instanceof CandidateApiError)) return 'take';
  if (err.status === 408 || err.status === 429 || err.status >= 500) return 'retry';
  // The bytes were damaged on the way: sending them again fixes it.
  if (err.code === 'checksum_mismatch') return 'retry';
  // Finished (on another device or tab): nothing more can be added to this interview.
  if (err.code === 'interview_completed') return 'halt';
  if (err.code === 'answer_closed') return 'closed';
  if (err.code === 'chunk_count_mismatch' || err.code === 'take_not_empty') return 'recount';
  if (err.status === 401 || err.status === 403 || err.status === 410) return 'halt';
  return 'take';
}
