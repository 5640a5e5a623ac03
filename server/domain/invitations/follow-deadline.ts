import type { Transaction } from 'kysely';
import type { InvitationStatus } from '../../contracts/api.js';
import type { Database } from '../../db/schema.js';
import { programmeOf } from '../programmes/programme-settings.js';
import { locationClosesAt } from '../programmes/public-programme.js';
import { visibleStatus } from './invitation-status.js';
import { invitationExpiry } from './invitations.js';

export interface StatusChange {
  invitationId: string;
  status: InvitationStatus;
}

/**
 * A new deadline applies to every unfinished invitation, as if it had been sent under it:
 * expiry = the deadline, or 30 days after sending without one; for an invitation to a city of
 * a programme (issue 21), the earlier of that city's deadline and the interview's, as when it
 * was made. So extending a deadline reopens expired invitations, and bringing it forward closes
 * them earlier; moving a city's deadline moves its invitations. Completed ones are history.
 * Returns the invitations whose visible status changed, for staff screens.
 */
export async function followDeadline(
  trx: Transaction<Database>,
  interviewId: string,
  before: string | null,
  after: string | null,
  now: Date,
): Promise<StatusChange[]> {
  const open = await trx
    .selectFrom('invitations')
    .select(['id', 'status', 'expiresAt', 'createdAt', 'locationKey'])
    .where('interviewId', '=', interviewId)
    .where('status', '!=', 'completed')
    .execute();
  const programme = await programmeOf(trx, interviewId);
  const cityDeadline = new Map((programme?.locations ?? []).map((l) => [l.key, l.deadline]));
  const changes: StatusChange[] = [];
  for (const invitation of open) {
    const city = invitation.locationKey ? cityDeadline.get(invitation.locationKey) : undefined;
    const expiresAt = city
      ? locationClosesAt(new Date(city).toISOString(), after)
      : invitationExpiry(new Date(invitation.createdAt), after);
    if (expiresAt !== invitation.expiresAt) {
      await trx
        .updateTable('invitations')
        .set({ expiresAt })
        .where('id', '=', invitation.id)
        .execute();
    }
    const was = visibleStatus(invitation, before, now);
    const is = visibleStatus({ ...invitation, expiresAt }, after, now);
    if (was !== is) changes.push({ invitationId: invitation.id, status: is });
  }
  return changes;
}
