import { type NextFunction, type Request, type Response, Router } from 'express';
import { CreateShareRequest, GuestRatingRequest } from '../../contracts/sharing.js';
import type { Deps } from '../../deps.js';
import {
  guestRatingsOf,
  guestSession,
  type OpenShare,
  rateAsGuest,
  shareForToken,
} from '../../domain/shares/guest.js';
import { createShare, listShares, revokeShare } from '../../domain/shares/shares.js';
import { NotFoundError, UnauthenticatedError } from '../../errors.js';
import { bearerToken, currentUser } from '../auth.js';
import { staffIn } from '../interview-guard.js';
import { parseInput } from '../validate.js';

/**
 * Share with a hiring manager (API.md, third release):
 *
 * - POST   /invitations/:id/shares          admin, recruiter members → 201 Share with `url`
 * - GET    /invitations/:id/shares          admin, recruiter members → { items: [Share] }
 * - DELETE /shares/:id                      admin, recruiter members → 204
 * - GET    /invitations/:id/guest-ratings   admin, recruiter members → { items }
 * - GET    /guest/session                   share token → GuestSession (counts an open)
 * - PUT    /guest/answers/:answerId/rating  share token { score, comment? } → { score, comment }
 */
export function shareRoutes(deps: Deps): Router {
  const router = Router();
  const organisers = staffIn(deps, 'invitation', 'manage');

  router.post('/invitations/:id/shares', ...organisers, async (req, res) => {
    const input = parseInput(CreateShareRequest, req.body);
    res.status(201).json(await createShare(deps, currentUser(res), req.params.id as string, input));
  });

  router.get('/invitations/:id/shares', ...organisers, async (req, res) => {
    res.json({ items: await listShares(deps, req.params.id as string) });
  });

  router.get('/invitations/:id/guest-ratings', ...organisers, async (req, res) => {
    res.json({ items: await guestRatingsOf(deps, req.params.id as string) });
  });

  router.delete('/shares/:id', ...staffIn(deps, 'share', 'manage'), async (req, res) => {
    await revokeShare(deps, currentUser(res), req.params.id as string);
    res.status(204).end();
  });

  const guest = requireGuest(deps);
  router.get('/guest/session', guest, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await guestSession(deps, currentShare(res)));
  });

  router.put('/guest/answers/:answerId/rating', guest, async (req, res) => {
    const input = parseInput(GuestRatingRequest, req.body);
    res.json(await rateAsGuest(deps, currentShare(res), req.params.answerId as string, input));
  });

  return router;
}

/**
 * A share token as Bearer. Revoked, expired, erased or unknown: 404, the same for all, read
 * from the database on every request so a revocation holds at once on every process.
 */
function requireGuest(deps: Deps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(req);
    if (!token) throw new UnauthenticatedError('Open the link you were sent.');
    const share = await shareForToken(deps, token);
    if (!share) throw new NotFoundError('This link is no longer valid.');
    res.locals.share = share;
    next();
  };
}

function currentShare(res: Response): OpenShare {
  return res.locals.share as OpenShare;
}
