import { Router } from 'express';
import { CreateInterviewRequest, CreateInvitationsRequest } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import {
  createInterview,
  getInterview,
  listInterviews,
} from '../../domain/interviews/interviews.js';
import { createInvitations, listInvitations } from '../../domain/invitations/invitations.js';
import { currentUser, requireStaff } from '../auth.js';
import { parseInput } from '../validate.js';

export function interviewRoutes(deps: Deps): Router {
  const router = Router();
  const anyStaff = requireStaff(deps);
  const organisers = requireStaff(deps, 'admin', 'recruiter');

  router.post('/interviews', organisers, async (req, res) => {
    const input = parseInput(CreateInterviewRequest, req.body);
    res.status(201).json(await createInterview(deps.db, input, currentUser(res).id, deps.now()));
  });

  router.get('/interviews', anyStaff, async (_req, res) => {
    res.json({ items: await listInterviews(deps.db) });
  });

  router.get('/interviews/:id', anyStaff, async (req, res) => {
    res.json(await getInterview(deps.db, req.params.id as string));
  });

  router.post('/interviews/:id/invitations', organisers, async (req, res) => {
    const input = parseInput(CreateInvitationsRequest, req.body);
    // Issue 11: an email already invited is skipped and reported unless `allowDuplicates`.
    const { items, skipped } = await createInvitations(deps, req.params.id as string, input);
    deps.log.info(
      { interviewId: req.params.id, count: items.length, by: currentUser(res).id },
      'candidates invited',
    );
    res.status(201).json(skipped.length > 0 ? { items, skipped } : { items });
  });

  router.get('/interviews/:id/invitations', organisers, async (req, res) => {
    res.json({ items: await listInvitations(deps, req.params.id as string) });
  });

  return router;
}
