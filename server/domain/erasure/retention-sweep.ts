import type { Deps } from '../../deps.js';
import { SYSTEM } from '../actor.js';
import { eraseInvitation, STALE_CLAIM_MS } from './erase-invitation.js';

const DAY_MS = 86_400_000;
/** Invitations read per query: memory stays flat however many are due. */
const BATCH = 200;
/** Erasures run at once: storage deletes overlap, the database is not flooded. */
const CONCURRENCY = 4;

/** Retention counts from the interview's deadline, or the invitation's expiry when there is none. */
export function retentionStart(deadline: string | null, expiresAt: string): string {
  return deadline ?? expiresAt;
}

/**
 * Erases every candidate whose retention time is up. Safe with several processes: each erasure
 * claims its invitation first (erase-invitation.ts), so two sweeps never erase one twice.
 * Returns how many this process erased.
 */
export async function sweepExpiredCandidates(deps: Deps): Promise<number> {
  const now = deps.now().getTime();
  const staleClaim = new Date(now - STALE_CLAIM_MS).toISOString();
  const interviews = await deps.db
    .selectFrom('interviews')
    .select(['id', 'deadline', 'retentionDays'])
    .execute();
  let erased = 0;
  for (const interview of interviews) {
    const cutoff = new Date(now - interview.retentionDays * DAY_MS).toISOString();
    // With a deadline, the whole interview is due at once or not at all.
    if (interview.deadline && interview.deadline > cutoff) continue;
    let after = '';
    for (;;) {
      let query = deps.db
        .selectFrom('invitations')
        .select('id')
        .where('interviewId', '=', interview.id)
        .where('id', '>', after)
        // A claim left by a process that died mid-erasure is taken up again.
        .where((eb) => eb.or([eb('erasingAt', 'is', null), eb('erasingAt', '<', staleClaim)]))
        .orderBy('id')
        .limit(BATCH);
      if (!interview.deadline) query = query.where('expiresAt', '<=', cutoff);
      const due = (await query.execute()).map((r) => r.id);
      if (due.length === 0) break;
      erased += await eraseAll(deps, due);
      after = due.at(-1)!;
    }
  }
  return erased;
}

async function eraseAll(deps: Deps, invitationIds: string[]): Promise<number> {
  let next = 0;
  let erased = 0;
  const worker = async () => {
    while (next < invitationIds.length) {
      const id = invitationIds[next++]!;
      try {
        if ((await eraseInvitation(deps, id, SYSTEM)) === 'erased') erased++;
      } catch (err) {
        // One failure (storage unreachable) must not stop the others; the next sweep retries.
        deps.log.error({ err, invitationId: id }, 'retention erasure failed');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return erased;
}
