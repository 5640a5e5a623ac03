import type { Request, Response } from 'express';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import { sendProblem } from '../problem.js';

/**
 * `GET /health`: 200 `{ status: 'ok', checks }` when every dependency answers, else 503 naming
 * the ones that do not (for a load balancer, and for an operator reading it).
 */
/**
 * How long one storage check answers for. The check writes, syncs, reads and deletes an object:
 * /health needs no sign-in, so without this anyone could make storage work at will.
 */
export const STORAGE_CHECK_TTL_MS = 5000;

/** One check in flight at a time, its outcome (good or bad) kept for `ttlMs`. */
function cached(check: () => Promise<unknown>, ttlMs: number): () => Promise<unknown> {
  let last: { at: number; outcome: Promise<unknown> } | null = null;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= ttlMs) {
      const outcome = check();
      outcome.catch(() => {}); // reported by the caller; kept here only to be shared
      last = { at: now, outcome };
    }
    return last.outcome;
  };
}

export function healthRoute(deps: Deps, extra: Record<string, () => Promise<void>>) {
  const checks: Record<string, () => Promise<unknown>> = {
    database: () => sql`select 1`.execute(deps.db),
    storage: cached(() => deps.storage.check(), STORAGE_CHECK_TTL_MS),
    ...extra,
  };
  return async (_req: Request, res: Response): Promise<void> => {
    const names = Object.keys(checks);
    const results = await Promise.allSettled(names.map((name) => checks[name]!()));
    const report = Object.fromEntries(
      names.map((name, i) => [name, results[i]!.status === 'fulfilled' ? 'ok' : 'unreachable']),
    );
    const down = names.filter((name) => report[name] !== 'ok');
    if (down.length === 0) {
      res.json({ status: 'ok', checks: report });
      return;
    }
    deps.log.warn({ down }, 'health check failed');
    sendProblem(res, 503, 'unavailable', `Not ready: ${down.join(', ')} unreachable.`, {
      checks: report,
    });
  };
}
