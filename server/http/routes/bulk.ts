import { Router } from 'express';
import { BulkDecisionRequest, BulkReleaseRequest } from '../../contracts/review.js';
import type { Deps } from '../../deps.js';
import { releaseFeedback } from '../../domain/feedback/feedback.js';
import { forEachInvitation } from '../../domain/review/bulk.js';
import { decide } from '../../domain/review/decisions.js';
import { currentStaffActor, currentUser, requireStaff } from '../auth.js';
import { parseInput } from '../validate.js';

/**
 * Many invitations at once (API.md "Cities after applying"), each checked and done on its own:
 * - PUT  /invitations/decisions         { invitationIds, outcome, note? }
 * - POST /invitations/feedback/release  { invitationIds }
 * → 200 { items: [{ invitationId, status, code?, detail? }] }. Admin and recruiter members;
 * anyone else gets an item status of 404 (or 403 for a reviewer member) per invitation.
 */
export function bulkRoutes(deps: Deps): Router {
  const router = Router();
  const signedIn = requireStaff(deps);

  router.put('/invitations/decisions', signedIn, async (req, res) => {
    const { invitationIds, outcome, note } = parseInput(BulkDecisionRequest, req.body);
    const user = currentUser(res);
    const items = await forEachInvitation(deps, user, invitationIds, (id) =>
      decide(deps, user, id, { outcome, note }),
    );
    res.json({ items });
  });

  router.post('/invitations/feedback/release', signedIn, async (req, res) => {
    const { invitationIds } = parseInput(BulkReleaseRequest, req.body);
    const actor = currentStaffActor(res);
    const items = await forEachInvitation(deps, currentUser(res), invitationIds, (id) =>
      releaseFeedback(deps, id, actor),
    );
    deps.log.info(
      { released: items.filter((i) => i.status === 200).length, by: currentUser(res).id },
      'feedback released in bulk',
    );
    res.json({ items });
  });

  return router;
}
