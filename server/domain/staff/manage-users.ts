import type { StaffMember } from '../../contracts/api.js';
import type { UserChanges } from '../../contracts/edit-requests.js';
import type { Deps } from '../../deps.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { StaffOrKeyActor } from '../actor.js';

const MEMBER_COLUMNS = ['id', 'email', 'name', 'role', 'deactivatedAt'] as const;

function toMember(row: {
  id: string;
  email: string;
  name: string;
  role: StaffMember['role'];
  deactivatedAt: string | null;
}): StaffMember {
  const { deactivatedAt, ...user } = row;
  return { ...user, active: deactivatedAt === null };
}

/** Every staff member, by name: a small list (a team, not a customer base), so no paging. */
export async function listUsers(deps: Deps): Promise<StaffMember[]> {
  const rows = await deps.db
    .selectFrom('users')
    .select(MEMBER_COLUMNS)
    // API keys act through users rows of their own; they are managed at /api-keys (issue 23).
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('apiKeys').select('apiKeys.id').whereRef('apiKeys.id', '=', 'users.id')),
      ),
    )
    .orderBy('name')
    .orderBy('email')
    .execute();
  return rows.map(toMember);
}

/**
 * Renames a user, changes their role, deactivates or reactivates them. The workspace must
 * always keep an active admin, or nobody could manage users any more: demoting or deactivating
 * the last one is refused, and so is deactivating oneself (an admin locking themselves out).
 * Deactivation ends the user's tokens and sockets at once; a role change ends their sockets
 * so that they reconnect with what the new role may receive. Audited (`user.updated`) in the
 * same transaction.
 */
export async function updateUser(
  deps: Deps,
  by: StaffOrKeyActor,
  userId: string,
  changes: UserChanges,
): Promise<StaffMember> {
  const updated = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('users')
      .select(MEMBER_COLUMNS)
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('There is no such user.');
    const user = toMember(row);
    const deactivating = changes.active === false && user.active;
    if (deactivating && userId === by.id) {
      throw new ConflictError('own_account', 'You cannot deactivate your own account.');
    }
    const losesAdmin =
      user.role === 'admin' &&
      user.active &&
      (deactivating || (changes.role ?? 'admin') !== 'admin');
    if (losesAdmin) {
      // On PostgreSQL two admins demoting each other at once must not both pass the count:
      // locking the admin rows makes the second wait and then count again. SQLite runs one
      // write transaction at a time, and does not know FOR UPDATE.
      const admins = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('deactivatedAt', 'is', null)
        .$if(deps.config.databaseUrl !== null, (q) => q.forUpdate())
        .execute();
      if (admins.length <= 1) {
        throw new ConflictError(
          'last_admin',
          'This is the only active admin. Make someone else an admin before changing this.',
        );
      }
    }
    const active = changes.active ?? user.active;
    const next: StaffMember = {
      ...user,
      name: changes.name ?? user.name,
      role: changes.role ?? user.role,
      active,
    };
    await trx
      .updateTable('users')
      .set((eb) => ({
        name: next.name,
        role: next.role,
        ...(active === user.active
          ? {}
          : { deactivatedAt: active ? null : deps.now().toISOString() }),
        // Deactivated tokens must not come back to life on reactivation.
        ...(deactivating ? { tokenVersion: eb('tokenVersion', '+', 1) } : {}),
      }))
      .where('id', '=', userId)
      .execute();
    await deps.audit.recordInTransaction(trx, {
      actor: by,
      action: 'user.updated',
      target: { type: 'user', id: userId },
    });
    return { next, deactivating, roleChanged: next.role !== user.role };
  });
  if (updated.deactivating) deps.sessions.revoke({ kind: 'user', userId, reason: 'deactivated' });
  else if (updated.roleChanged) deps.sessions.revoke({ kind: 'user', userId, reason: 'role' });
  return updated.next;
}
