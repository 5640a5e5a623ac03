import { assertStrongPassword } from '../../auth/password-quality.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { User } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { ConflictError, InputError } from '../../errors.js';
import { staffActor } from '../actor.js';
import { issueStaffToken } from './staff-session.js';

/**
 * A signed-in user picks a new password (also the way out of an admin reset). Every other
 * token of theirs stops working, since a password change is what one does after a leak; this
 * device gets a fresh token so it stays signed in. Audited (`user.password_changed`) in the
 * same transaction; the password is hashed before it starts (SQLite's one connection).
 */
export async function changeOwnPassword(
  deps: Deps,
  user: User,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; user: User }> {
  const row = await deps.db
    .selectFrom('users')
    .select(['passwordHash', 'tokenVersion'])
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new InputError('The current password is not correct.', [
      { path: 'currentPassword', message: 'is not correct' },
    ]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new InputError('Choose a password different from the current one.', [
      { path: 'newPassword', message: 'is the same as the current password' },
    ]);
  }
  await assertStrongPassword(input.newPassword, 'newPassword', user);
  const passwordHash = await hashPassword(input.newPassword);
  const tokenVersion = row.tokenVersion + 1;
  await deps.db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('users')
      .set({ passwordHash, tokenVersion, mustChangePassword: 0 })
      .where('id', '=', user.id)
      // Another change (a reset, a deactivation) in the meantime wins: this one must not undo it.
      .where('tokenVersion', '=', row.tokenVersion)
      .where('deactivatedAt', 'is', null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) {
      throw new ConflictError(
        'account_changed',
        'Your account was changed meanwhile. Sign in again and retry.',
      );
    }
    await deps.audit.recordInTransaction(trx, {
      actor: staffActor(user),
      action: 'user.password_changed',
      target: { type: 'user', id: user.id },
    });
  });
  deps.sessions.revoke({ kind: 'user', userId: user.id, reason: 'password' });
  return { token: issueStaffToken(deps, user.id, tokenVersion), user };
}
