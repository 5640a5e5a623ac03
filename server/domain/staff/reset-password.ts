import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../auth/passwords.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';

/**
 * An admin gives a user a one-time password (shown to the admin once, never stored in clear):
 * it signs the user out everywhere, and after signing in with it they can do nothing but
 * choose their own password. 96 random bits: no strength check needed.
 */
export async function resetPassword(deps: Deps, userId: string): Promise<{ password: string }> {
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const result = await deps.db
    .updateTable('users')
    .set((eb) => ({
      passwordHash,
      mustChangePassword: 1,
      tokenVersion: eb('tokenVersion', '+', 1),
    }))
    .where('id', '=', userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new NotFoundError('There is no such user.');
  deps.sessions.revoke({ kind: 'user', userId, reason: 'password' });
  return { password };
}
