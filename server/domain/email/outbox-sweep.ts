import type { Deps } from '../../deps.js';
import { claimLeaseMs, dispatchEmails } from './outbox.js';

/** A queued message older than this without a pending job has lost its job (Redis away, a crash). */
const LOST_JOB_AFTER_MS = 30_000;
const BATCH = 500;

/**
 * Makes sure no message is lost: a claim older than the lease belongs to a process that died
 * mid-send, so the message goes back to `queued`; every queued message gets its job again
 * (the job id is the message id, so a message whose job is pending is not queued twice).
 * Safe to run in several processes at once: each change is a conditional update.
 */
export async function sweepOutbox(deps: Deps): Promise<number> {
  const now = Date.now();
  const staleBefore = new Date(now - claimLeaseMs(deps)).toISOString();
  await deps.db
    .updateTable('emailOutbox')
    .set({
      status: 'queued',
      claimedAt: null,
      updatedAt: new Date(now - LOST_JOB_AFTER_MS).toISOString(),
    })
    .where('status', '=', 'sending')
    .where('claimedAt', '<', staleBefore)
    .execute();
  const lost = await deps.db
    .selectFrom('emailOutbox')
    .select('id')
    .where('status', '=', 'queued')
    .where('updatedAt', '<=', new Date(now - LOST_JOB_AFTER_MS).toISOString())
    .orderBy('updatedAt')
    .limit(BATCH)
    .execute();
  dispatchEmails(
    deps,
    lost.map((m) => m.id),
  );
  return lost.length;
}
