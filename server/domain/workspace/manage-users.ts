import type { User } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { UserChanges } from './requests.js';

/** Every staff member, by name: a small list (a team, not a customer base), so no paging. */
export async function listUsers(deps: Deps): Promise<User[]> {
  return deps.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role'])
    .orderBy('name')
    .orderBy('email')
    .execute();
}

/**
 * Renames a user or changes their role. The workspace must always keep an admin, or nobody
 * could manage users any more: demoting the last one is refused.
 */
export async function updateUser(deps: Deps, userId: string, changes: UserChanges): Promise<User> {
  return deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new NotFoundError('There is no such user.');
    if (user.role === 'admin' && changes.role && changes.role !== 'admin') {
      // On PostgreSQL two admins demoting each other at once must not both pass the count:
      // locking the admin rows makes the second wait and then count again. SQLite runs one
      // write transaction at a time, and does not know FOR UPDATE.
      const admins = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .$if(deps.config.databaseUrl !== null, (q) => q.forUpdate())
        .execute();
      if (admins.length <= 1) {
        throw new ConflictError(
          'last_admin',
          'This is the only admin. Make someone else an admin before changing this role.',
        );
      }
    }
    const updated = { ...user, ...changes };
    await trx
      .updateTable('users')
      .set({ name: updated.name, role: updated.role })
      .where('id', '=', userId)
      .execute();
    return updated;
  });
}
