import jwt from 'jsonwebtoken';

// Pinned: tokens signed any other way (alg "none", RS256 with our secret as a key…) are refused.
const ALGORITHM = 'HS256';
const AUDIENCE = 'staff';
export const STAFF_TOKEN_SECONDS = 12 * 60 * 60;

export interface StaffClaims {
  userId: string;
}

export function signStaffToken(userId: string, secret: string): string {
  return jwt.sign({}, secret, {
    algorithm: ALGORITHM,
    audience: AUDIENCE,
    subject: userId,
    expiresIn: STAFF_TOKEN_SECONDS,
  });
}

/** The claims of a valid, unexpired staff token, or null for anything else. */
export function verifyStaffToken(token: string, secret: string): StaffClaims | null {
  try {
    const claims = jwt.verify(token, secret, { algorithms: [ALGORITHM], audience: AUDIENCE });
    if (typeof claims === 'string' || typeof claims.sub !== 'string') return null;
    return { userId: claims.sub };
  } catch {
    return null;
  }
}
