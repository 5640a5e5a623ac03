import { Router } from 'express';
import { CreateInterviewRequest, CreateInvitationsRequest } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { staffActor } from '../../domain/actor.js';
import {
  createInterview,
  getInterview,
  listInterviews,
} from '../../domain/interviews/interviews.js';
import { createInvitations, listInvitations } from '../../domain/invitations/invitations.js';
import { currentUser, requireStaff } from '../auth.js';
import { staffIn } from '../interview-guard.js';
import { parseInput } from '../validate.js';

export function interviewRoutes(deps: Deps): Router {
  const router = Router();
  const anyStaff = requireStaff(deps);
  const organisers = requireStaff(deps, 'admin', 'recruiter');

  router.post('/interviews', organisers, async (req, res) => {
    const input = parseInput(CreateInterviewRequest, req.body);
    const interview = await createInterview(deps.db, input, currentUser(res).id, deps.now(), {
      audit: deps.audit,
      actor: staffActor(currentUser(res)),
    });
    // The creator is its first member: their open workspace starts hearing about it.
    deps.sessions.membershipChanged({
      userId: currentUser(res).id,
      interviewId: interview.id,
      member: true,
    });
    res.status(201).json(interview);
  });

  // Only the interviews the caller may see (server/domain/access/interview-access.ts).
  router.get('/interviews', anyStaff, async (_req, res) => {
    // Only the interviews the caller may see (server/domain/access/interview-access.ts).
    res.json({ items: await listInterviews(deps.db, currentUser(res)) });
  });

  router.get('/interviews/:id', ...staffIn(deps, 'interview', 'review'), async (req, res) => {
    res.json(await getInterview(deps.db, req.params.id as string));
  });

  router.post(
    '/interviews/:id/invitations',
    ...staffIn(deps, 'interview', 'manage'),
    async (req, res) => {
      const input = parseInput(CreateInvitationsRequest, req.body);
      // Issue 11: an email already invited is skipped and reported unless `allowDuplicates`.
      const { items, skipped } = await createInvitations(
        deps,
        req.params.id as string,
        input,
        currentUser(res).id,
      );
      deps.log.info(
        { interviewId: req.params.id, count: items.length, by: currentUser(res).id },
        'candidates invited',
      );
      res.status(201).json(skipped.length > 0 ? { items, skipped } : { items });
    },
  );

  router.get(
    '/interviews/:id/invitations',
    ...staffIn(deps, 'interview', 'manage'),
    async (req, res) => {
      res.json({ items: await listInvitations(deps, req.params.id as string) });
    },
  );

  return router;
}
