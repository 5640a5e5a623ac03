import type { BulkItem } from '../../contracts/review.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { grantFor, type Viewer } from '../access/interview-access.js';

/**
 * Issue 21 (API.md "Cities after applying"): an organiser decides or releases feedback for a
 * whole city at once. Each invitation goes through the same rule (interview-access.ts) and the
 * same use-case as the single-item route, on its own: one refused invitation does not hold the
 * others back, and one done stays done (its audit entry is written with it). An invitation the
 * caller may not see answers 404 like one that does not exist, so nothing is revealed.
 */
export async function forEachInvitation(
  deps: Deps,
  viewer: Viewer,
  invitationIds: string[],
  act: (invitationId: string) => Promise<unknown>,
): Promise<BulkItem[]> {
  const items: BulkItem[] = [];
  // In turn, not at once: on SQLite writes are serial anyway, and 500 parallel transactions
  // would hold every pooled PostgreSQL connection.
  for (const invitationId of new Set(invitationIds)) {
    try {
      await grantFor(deps, viewer, 'invitation', invitationId, 'manage');
      await act(invitationId);
      items.push({ invitationId, status: 200 });
    } catch (err) {
      if (!(err instanceof AppError)) {
        // The items before it are done: say which one failed rather than lose the list.
        deps.log.error({ err, invitationId }, 'bulk action failed on one invitation');
        items.push({
          invitationId,
          status: 500,
          code: 'internal',
          detail: 'Something went wrong with this one; try it again.',
        });
        continue;
      }
      items.push({ invitationId, status: err.status, code: err.code, detail: err.message });
    }
  }
  return items;
}
