import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../auth/passwords.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import type { StaffOrKeyActor } from '../actor.js';

/**
 * An admin gives a user a one-time password (shown to the admin once, never stored in clear):
 * it signs the user out everywhere, and after signing in with it they can do nothing but
 * choose their own password. 96 random bits: no strength check needed. Audited
 * (`user.password_reset`) in the same transaction; the password is hashed before it starts.
 */
export async function resetPassword(
  deps: Deps,
  by: StaffOrKeyActor,
  userId: string,
): Promise<{ password: string; email: string }> {
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set((eb) => ({
        passwordHash,
        mustChangePassword: 1,
        tokenVersion: eb('tokenVersion', '+', 1),
      }))
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new NotFoundError('There is no such user.');
    await deps.audit.recordInTransaction(trx, {
      actor: by,
      action: 'user.password_reset',
      target: { type: 'user', id: userId },
    });
  });
  deps.sessions.revoke({ kind: 'user', userId, reason: 'password' });
  // For the caller to lift the account's sign-in lockout (login-throttles.ts).
  const { email } = await deps.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { password, email };
}
