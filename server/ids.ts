import { randomBytes } from 'node:crypto';

/** An opaque, URL-safe id: 120 random bits. */
export function newId(): string {
  return randomBytes(15).toString('base64url');
}
