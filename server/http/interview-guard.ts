import type { NextFunction, Request, Response } from 'express';
import type { Deps } from '../deps.js';
import {
  grantFor,
  type InterviewGrant,
  type InterviewNeed,
  type ScopeKind,
} from '../domain/access/interview-access.js';
import { currentUser, requireStaff } from './auth.js';

/**
 * Middleware for a staff route about one interview or something inside it: a staff token, then
 * the interview rule (server/domain/access/interview-access.ts) on the id in `req.params[param]`.
 * 404 for non-members, 403 for a reviewer member asking to manage.
 */
export function staffIn(deps: Deps, kind: ScopeKind, need: InterviewNeed, param = 'id') {
  const signedIn = requireStaff(deps);
  const member = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    res.locals.grant = await grantFor(
      deps,
      currentUser(res),
      kind,
      String(req.params[param]),
      need,
    );
    next();
  };
  return [signedIn, member];
}

export function currentGrant(res: Response): InterviewGrant {
  return res.locals.grant as InterviewGrant;
}
