import { Router } from 'express';
import { UpdateInterviewRequest, UpdateUserRequest } from '../../contracts/edit-requests.js';
import type { Deps } from '../../deps.js';
import { editInterview } from '../../domain/interviews/edit-interview.js';
import { interviewStats } from '../../domain/interviews/interview-stats.js';
import { reissueLink } from '../../domain/invitations/reissue-link.js';
import { ratingsCsv } from '../../domain/review/ratings-export.js';
import { recordSighting } from '../../domain/review/sightings.js';
import { listUsers, updateUser } from '../../domain/staff/manage-users.js';
import { currentStaffActor, currentUser, requireStaff } from '../auth.js';
import { staffIn } from '../interview-guard.js';
import { parseInput } from '../validate.js';

/** A file name any browser and OS accepts, from an interview title. */
function downloadName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return `ratings-${slug || 'interview'}.csv`;
}

/**
 * Endpoints the staff workspace needs beyond API v1 (all under /api/v1, problem+json errors):
 *
 * - GET   /users                       admin            → { items: [User] }
 * - PATCH /users/:id                   admin            { name?, role? } → User; 409 last_admin
 * - PATCH /interviews/:id              admin, recruiter { title?, intro?, deadline?, questions? }
 *         → Interview; 409 questions_locked once any answer exists (see update-interview.ts)
 * - GET   /interviews/:id/stats        any staff        → counts and `questionsLocked`
 * - POST  /invitations/:id/link        admin, recruiter → Invitation with a new `url`; the old
 *         link stops working; for a finished or expired one the new link opens feedback,
 *         export and erasure only (issue 21)
 * - GET   /interviews/:id/ratings.csv  admin, recruiter → text/csv (UTF-8 BOM, formula-safe)
 */
export function workspaceRoutes(deps: Deps): Router {
  const router = Router();
  const admins = requireStaff(deps, 'admin');

  router.get('/users', admins, async (_req, res) => {
    res.json({ items: await listUsers(deps) });
  });

  router.patch('/users/:id', admins, async (req, res) => {
    const changes = parseInput(UpdateUserRequest, req.body);
    const user = await updateUser(deps, currentStaffActor(res), req.params.id as string, changes);
    deps.log.info({ userId: user.id, role: user.role, by: currentUser(res).id }, 'user updated');
    res.json(user);
  });

  router.patch('/interviews/:id', ...staffIn(deps, 'interview', 'manage'), async (req, res) => {
    const changes = parseInput(UpdateInterviewRequest, req.body);
    res.json(await editInterview(deps, currentUser(res), req.params.id as string, changes));
  });

  router.get('/interviews/:id/stats', ...staffIn(deps, 'interview', 'review'), async (req, res) => {
    res.json(await interviewStats(deps, req.params.id as string));
  });

  router.post(
    '/invitations/:id/link',
    ...staffIn(deps, 'invitation', 'manage'),
    async (req, res) => {
      const invitationId = req.params.id as string;
      const reissued = await reissueLink(deps, invitationId, currentStaffActor(res));
      deps.log.info({ invitationId, by: currentUser(res).id }, 'link re-issued');
      // With email on the link went to the candidate; staff never see it (API.md "Teams").
      if (reissued.sent) res.status(202).json({ status: 'sent' });
      else res.json(reissued.invitation);
    },
  );

  router.get(
    '/interviews/:id/ratings.csv',
    ...staffIn(deps, 'interview', 'manage'),
    async (req, res) => {
      const { title, csv } = await ratingsCsv(
        deps,
        currentStaffActor(res),
        req.params.id as string,
      );
      await recordSighting(deps, currentUser(res).id, req.params.id as string);
      res
        .set('Cache-Control', 'no-store')
        .attachment(downloadName(title))
        .type('text/csv; charset=utf-8')
        .send(csv);
    },
  );

  return router;
}
