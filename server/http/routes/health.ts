import type { Request, Response } from 'express';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import { sendProblem } from '../problem.js';

/**
 * `GET /health`: 200 `{ status: 'ok', checks }` when every dependency answers, else 503 naming
 * the ones that do not (for a load balancer, and for an operator reading it).
 */
export function healthRoute(deps: Deps, extra: Record<string, () => Promise<void>>) {
  const checks: Record<string, () => Promise<unknown>> = {
    database: () => sql`select 1`.execute(deps.db),
    storage: () => deps.storage.check(),
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
