import type { NextFunction, Request, Response } from 'express';
import { hashCandidateToken, looksLikeCandidateToken } from '../auth/candidate-tokens.js';
import type { Role, User } from '../contracts/api.js';
import { compiledOnce } from '../db/compiled-once.js';
import type { Db } from '../db/database.js';
import type { InvitationsTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import {
  type Actor,
  type CandidateActor,
  candidateActor,
  type StaffOrKeyActor,
  staffActor,
} from '../domain/actor.js';
import type { AuditVia } from '../domain/audit/audit-log.js';
import { refusedCandidateLink } from '../domain/erasure/erased-links.js';
import { apiKeySession, looksLikeApiKey } from '../domain/integrations/api-keys.js';
import { invitationForExtraLink } from '../domain/invitations/extra-links.js';
import { type StaffSession, staffSessionForToken } from '../domain/staff/staff-session.js';
import { AppError, ForbiddenError, UnauthenticatedError } from '../errors.js';
import { countApiKeyRequest } from './api-key-limit.js';

export function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer +([^\s]+)$/i);
  return match?.[1] ?? null;
}

/** Resolves a staff token to a current user (deleted, deactivated or signed out: null). */
export async function userForStaffToken(deps: Deps, token: string | null): Promise<User | null> {
  return (await staffSessionForToken(deps, token))?.user ?? null;
}

/** 403 with its own code, so the workspace knows to show the "choose a new password" form. */
class PasswordChangeRequiredError extends AppError {
  constructor() {
    super(403, 'password_change_required', 'Choose a new password before you continue.');
  }
}

async function authenticateStaff(deps: Deps, req: Request, res: Response): Promise<StaffSession> {
  const token = bearerToken(req);
  // Issue 23: an API key (`oik_…`) acts as a staff user of its role.
  const session = looksLikeApiKey(token)
    ? await apiKeySession(deps, token)
    : await staffSessionForToken(deps, token);
  if (!session) throw new UnauthenticatedError('Sign in with a valid staff token.');
  if (session.user.kind === 'api_key') countApiKeyRequest(deps, session.user.id);
  res.locals.user = session.user;
  res.locals.staffSession = session;
  return session;
}

/**
 * Requires a staff token, optionally one of the given roles; puts the user in res.locals.
 * A user who must change their password (after an admin reset) is refused everything else.
 */
export function requireStaff(deps: Deps, ...roles: Role[]) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const session = await authenticateStaff(deps, req, res);
    if (session.mustChangePassword) throw new PasswordChangeRequiredError();
    if (roles.length > 0 && !roles.includes(session.user.role)) throw new ForbiddenError();
    next();
  };
}

/** For the few endpoints a user with a pending password change may use: me, password, sign-out. */
export function requireSignedIn(deps: Deps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    await authenticateStaff(deps, req, res);
    next();
  };
}

export function currentUser(res: Response): User {
  return res.locals.user as User;
}

/** The signed-in staff member as an Actor (after requireStaff or requireSignedIn). */
export function currentStaffActor(res: Response): StaffOrKeyActor {
  return staffActor(currentUser(res));
}

/** The candidate of the link as an Actor (after requireCandidate). */
export function currentCandidateActor(res: Response): CandidateActor {
  return candidateActor(currentInvitation(res));
}

/** Whoever the route's guard let in, as the audit log and policies take them. */
export function currentActor(res: Response): Actor {
  if (res.locals.user) return currentStaffActor(res);
  if (res.locals.invitation) return currentCandidateActor(res);
  throw new Error('currentActor() on a route without an authentication guard');
}

export function currentStaffSession(res: Response): StaffSession {
  return res.locals.staffSession as StaffSession;
}

/**
 * The invitation a candidate link's main token opens. Built and compiled once: it runs for
 * every chunk of every recording (see compiled-once.ts).
 */
function invitationByToken(db: Db) {
  const query = compiledOnce<{ tokenHash: string }, InvitationsTable>(db, (param) =>
    db.selectFrom('invitations').selectAll().where('tokenHash', '=', param('tokenHash')),
  );
  return async (tokenHash: string) => (await query({ tokenHash })).rows[0];
}

/** Requires a candidate token; puts its invitation in res.locals. Expiry is each use-case's call. */
export function requireCandidate(deps: Deps) {
  const byToken = invitationByToken(deps.db);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(req);
    const tokenHash = token && looksLikeCandidateToken(token) ? hashCandidateToken(token) : null;
    // The main link first (one lookup on the hot chunk path); links emailed later only on a miss.
    const main = tokenHash ? await byToken(tokenHash) : undefined;
    const extra = !main && tokenHash ? await invitationForExtraLink(deps, tokenHash) : undefined;
    const invitation = main ?? extra?.invitation;
    if (!invitation || invitation.erasingAt)
      throw await refusedCandidateLink(deps, token, invitation);
    if (extra?.scope === 'aftercare' && !aftercareMayUse(req)) throw new LinkLimitedError();
    res.locals.invitation = invitation;
    // The main link is staff-held when staff were handed it; so is an aftercare link with email off.
    res.locals.linkIssuedBy = main?.linkIssuedBy ?? extra?.issuedBy ?? null;
    next();
  };
}

/**
 * What a link given to a finished or expired candidate opens (issue 21): their feedback, their
 * data (export, privacy notice, erasure) and the read-only session the candidate page starts
 * from; never anything that records or changes the interview.
 */
const AFTERCARE_ROUTES = new Set([
  'GET /candidate/session',
  'GET /candidate/feedback',
  'GET /candidate/export',
  'GET /candidate/privacy',
  'POST /candidate/erase',
]);

function aftercareMayUse(req: Request): boolean {
  const path = (req.baseUrl + req.path).replace(/^\/api\/v1/, '').replace(/\/$/, '');
  return AFTERCARE_ROUTES.has(`${req.method} ${path}`);
}

class LinkLimitedError extends AppError {
  constructor() {
    super(
      403,
      'link_limited',
      'This link opens your feedback, your data and its erasure only: the interview itself is closed.',
    );
  }
}

export function currentInvitation(res: Response): InvitationsTable {
  return res.locals.invitation as InvitationsTable;
}

/**
 * `via` for the audit entry of a candidate action, when the link used is one that staff were
 * handed (email off or `sendEmail: false`): such an act may not be the candidate's own.
 */
export function candidateLinkVia(res: Response): AuditVia | undefined {
  const issuedBy = res.locals.linkIssuedBy as string | null | undefined;
  return issuedBy ? { issuedBy: { id: issuedBy } } : undefined;
}
