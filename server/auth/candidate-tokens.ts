import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the secret in an invitation link. */
export function newCandidateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored only as a SHA-256 digest. A fast hash is right here (unlike passwords):
 * the token has 256 bits of entropy, so there is nothing to brute-force, and lookups stay cheap.
 */
export function hashCandidateToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A shape check before touching the database: anything else cannot be one of ours. */
export function looksLikeCandidateToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
