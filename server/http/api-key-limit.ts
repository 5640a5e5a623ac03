import type { Deps } from '../deps.js';
import { RateLimitedError } from '../errors.js';

/** Requests one API key may make per minute in one process: far above any sync, below a flood. */
export const API_KEY_REQUESTS_PER_MINUTE = 1200;
const WINDOW_MS = 60_000;

/**
 * A fixed-window count per API key, in this process's memory (as the other per-caller limits
 * are): a machine caught in a loop gets 429 with Retry-After instead of holding the server.
 * One map per app (per Deps), bounded by the number of keys.
 */
const windows = new WeakMap<Deps, Map<string, { start: number; count: number }>>();

export function countApiKeyRequest(deps: Deps, keyId: string): void {
  let perKey = windows.get(deps);
  if (!perKey) {
    perKey = new Map();
    windows.set(deps, perKey);
  }
  const now = Date.now();
  const current = perKey.get(keyId);
  if (!current || now - current.start >= WINDOW_MS) {
    perKey.set(keyId, { start: now, count: 1 });
    return;
  }
  current.count++;
  if (current.count > API_KEY_REQUESTS_PER_MINUTE) {
    const seconds = Math.max(1, Math.ceil((current.start + WINDOW_MS - now) / 1000));
    throw new RateLimitedError('This API key made too many requests. Wait and try again.', seconds);
  }
}
