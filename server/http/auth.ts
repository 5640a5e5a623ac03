import type { NextFunction, Request, Response } from 'express';
import { hashCandidateToken, looksLikeCandidateToken } from '../auth/candidate-tokens.js';
import { verifyStaffToken } from '../auth/staff-tokens.js';
import type { Role, User } from '../contracts/api.js';
import type { InvitationsTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { refusedCandidateLink } from '../domain/erasure/erased-links.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';

export function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer +([^\s]+)$/i);
  return match?.[1] ?? null;
}

/** Resolves a staff token to a current user (a deleted user's token stops working at once). */
export async function userForStaffToken(deps: Deps, token: string | null): Promise<User | null> {
  const claims = token ? verifyStaffToken(token, deps.secrets.jwt) : null;
  if (!claims) return null;
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role'])
    .where('id', '=', claims.userId)
    .executeTakeFirst();
  return user ?? null;
}

/** Requires a staff token, optionally one of the given roles; puts the user in res.locals. */
export function requireStaff(deps: Deps, ...roles: Role[]) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const user = await userForStaffToken(deps, bearerToken(req));
    if (!user) throw new UnauthenticatedError('Sign in with a valid staff token.');
    if (roles.length > 0 && !roles.includes(user.role)) throw new ForbiddenError();
    res.locals.user = user;
    next();
  };
}

export function currentUser(res: Response): User {
  return res.locals.user as User;
}

/** Requires a candidate token; puts its invitation in res.locals. Expiry is each use-case's call. */
export function requireCandidate(deps: Deps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(req);
    const invitation =
      token && looksLikeCandidateToken(token)
        ? await deps.db
            .selectFrom('invitations')
            .selectAll()
            .where('tokenHash', '=', hashCandidateToken(token))
            .executeTakeFirst()
        : undefined;
    if (!invitation || invitation.erasingAt)
      throw await refusedCandidateLink(deps, token, invitation);
    res.locals.invitation = invitation;
    next();
  };
}

export function currentInvitation(res: Response): InvitationsTable {
  return res.locals.invitation as InvitationsTable;
}
