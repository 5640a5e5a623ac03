import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed media links for LocalDiskStorage: `/media/<key>?expires=<unix seconds>&sig=<hex>`,
 * where sig = HMAC-SHA256(secret, `${key}\n${expires}`). The key is signed as stored (not as
 * URL-encoded) so that the route can verify what Express decodes.
 */

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const UNIX_SECONDS = /^[0-9]{1,12}$/;

export function mediaSignature(key: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`${key}\n${expires}`).digest('hex');
}

/** The path and query of a signed link, to append to the public base URL. */
export function signMediaPath(key: string, expires: number, secret: string): string {
  const encodedKey = key.split('/').map(encodeURIComponent).join('/');
  const sig = mediaSignature(key, expires, secret);
  return `/media/${encodedKey}?expires=${expires}&sig=${sig}`;
}

/** True when the link is unexpired and its signature is ours. Runs in constant time on sig. */
export function verifyMediaSignature(
  key: string,
  expires: string,
  sig: string,
  secret: string,
  nowMs: number,
): boolean {
  if (!UNIX_SECONDS.test(expires) || !HEX_SHA256.test(sig)) return false;
  const expiresAt = Number(expires);
  if (expiresAt * 1000 < nowMs) return false;
  const expected = Buffer.from(mediaSignature(key, expiresAt, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(sig, 'hex'));
}
