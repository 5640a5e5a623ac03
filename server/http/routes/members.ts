import { Router } from 'express';
import { MembersRequest } from '../../contracts/sharing.js';
import type { Deps } from '../../deps.js';
import { listMembers, replaceMembers } from '../../domain/access/members.js';
import { currentUser } from '../auth.js';
import { staffIn } from '../interview-guard.js';
import { parseInput } from '../validate.js';

/**
 * Teams (API.md "Teams: who sees which interview"), admin and the interview's recruiter members:
 *
 * - GET /interviews/:id/members → { items: [{ user: { id, name, email }, role }] }
 * - PUT /interviews/:id/members { items: [{ userId, role }] } → the new list (replaces it)
 */
export function memberRoutes(deps: Deps): Router {
  const router = Router();
  const organisers = staffIn(deps, 'interview', 'manage');

  router.get('/interviews/:id/members', ...organisers, async (req, res) => {
    res.json({ items: await listMembers(deps, req.params.id as string) });
  });

  router.put('/interviews/:id/members', ...organisers, async (req, res) => {
    const input = parseInput(MembersRequest, req.body);
    const items = await replaceMembers(deps, currentUser(res), req.params.id as string, input);
    res.json({ items });
  });

  return router;
}
