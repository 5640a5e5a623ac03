import { type StaffClaims, signStaffToken, verifyStaffToken } from '../../auth/staff-tokens.js';
import type { User } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';

export interface StaffSession {
  user: User;
  claims: StaffClaims;
  /** After an admin reset: the token may only be used to choose a new password. */
  mustChangePassword: boolean;
}

/**
 * The signed-in staff member behind a token, checked against the database on every use, so
 * that deactivation, a password change or reset, and sign-out take effect at once in every
 * process: a valid signature is not enough.
 */
export async function staffSessionForToken(
  deps: Deps,
  token: string | null,
): Promise<StaffSession | null> {
  const claims = token ? verifyStaffToken(token, deps.secrets.jwt) : null;
  if (!claims) return null;
  const row = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'tokenVersion', 'deactivatedAt', 'mustChangePassword'])
    .where('id', '=', claims.userId)
    .where(({ exists, not, selectFrom }) =>
      not(exists(selectFrom('revokedTokens').select('jti').where('jti', '=', claims.tokenId))),
    )
    .executeTakeFirst();
  if (!row || row.deactivatedAt !== null || row.tokenVersion !== claims.version) return null;
  const { tokenVersion: _, deactivatedAt: __, mustChangePassword, ...user } = row;
  return { user, claims, mustChangePassword: mustChangePassword === 1 };
}

/** A new token for a user at their current token version. */
export function issueStaffToken(deps: Deps, userId: string, tokenVersion: number): string {
  return signStaffToken(userId, tokenVersion, deps.secrets.jwt);
}

/**
 * Sign-out: this token stops working everywhere (its id is kept until it would have expired
 * anyway) and its sockets are closed. Other devices of the same user stay signed in.
 */
export async function signOut(deps: Deps, session: StaffSession): Promise<void> {
  // Real time, not deps.now(): token expiry is checked against the real clock.
  const now = new Date().toISOString();
  await deps.db
    .insertInto('revokedTokens')
    .values({
      jti: session.claims.tokenId,
      userId: session.user.id,
      expiresAt: new Date(session.claims.expiresAtMs).toISOString(),
    })
    .onConflict((oc) => oc.column('jti').doNothing())
    .execute();
  // Housekeeping on the way: rows of tokens that expired on their own are no longer needed.
  await deps.db.deleteFrom('revokedTokens').where('expiresAt', '<', now).execute();
  deps.sessions.revoke({ kind: 'token', tokenId: session.claims.tokenId });
}
