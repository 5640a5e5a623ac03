import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';

// Pinned: tokens signed any other way (alg "none", RS256 with our secret as a key…) are refused.
const ALGORITHM = 'HS256';
const AUDIENCE = 'staff';
export const STAFF_TOKEN_SECONDS = 12 * 60 * 60;

export interface StaffClaims {
  userId: string;
  /** This token's own id: signing out puts it on the revoked list. */
  tokenId: string;
  /** The user's token version when signed; bumping it revokes every older token. */
  version: number;
  /** When the token stops working, in ms since the epoch. */
  expiresAtMs: number;
}

export function signStaffToken(userId: string, version: number, secret: string): string {
  return jwt.sign({ ver: version }, secret, {
    algorithm: ALGORITHM,
    audience: AUDIENCE,
    subject: userId,
    jwtid: randomBytes(16).toString('base64url'),
    expiresIn: STAFF_TOKEN_SECONDS,
  });
}

/** The claims of a valid, unexpired staff token, or null for anything else. */
export function verifyStaffToken(token: string, secret: string): StaffClaims | null {
  try {
    const claims = jwt.verify(token, secret, { algorithms: [ALGORITHM], audience: AUDIENCE });
    if (typeof claims === 'string' || typeof claims.sub !== 'string') return null;
    // Tokens from before revocation existed carry no jti or version: they are refused, which
    // signs everyone out once after the upgrade (12 h of tokens at most).
    if (typeof claims.jti !== 'string' || !Number.isInteger(claims.ver)) return null;
    if (typeof claims.exp !== 'number') return null;
    return {
      userId: claims.sub,
      tokenId: claims.jti,
      version: claims.ver as number,
      expiresAtMs: claims.exp * 1000,
    };
  } catch {
    return null;
  }
}
