import { randomBytes } from 'node:crypto';
import { assertStrongPassword } from '../../auth/password-quality.js';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { Role, User } from '../../contracts/api.js';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { ConflictError, UnauthenticatedError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Actor } from '../actor.js';
import type { Audit } from '../audit/audit-log.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
}

/**
 * Creates a staff user. The password must pass the strength check, except for the operator's
 * ADMIN_PASSWORD and the generated first password (`trusted`), which are not typed by a user.
 * With `audited`, `user.created` is recorded in the transaction that inserts the user (the
 * password is hashed before it starts: a transaction holds SQLite's only connection).
 */
export async function createUser(
  db: Db,
  input: NewUser,
  now: Date,
  options: {
    trusted?: boolean;
    /**
     * Issue 21: the password is one an admin typed for someone else; its holder must choose
     * their own at first sign-in. Not for the operator's (CLI, ADMIN_PASSWORD) accounts.
     */
    temporaryPassword?: boolean;
    audited?: { audit: Pick<Audit, 'recordInTransaction'>; by: Actor };
  } = {},
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!options.trusted)
    await assertStrongPassword(input.password, 'password', { email, name: input.name });
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (taken) throw new ConflictError('email_taken', 'A user with this email already exists.');
  const user: User = { id: newId(), email, name: input.name, role: input.role };
  const passwordHash = await hashPassword(input.password);
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          passwordHash,
          mustChangePassword: options.temporaryPassword ? 1 : 0,
          createdAt: now.toISOString(),
        })
        .execute();
      if (options.audited) {
        await options.audited.audit.recordInTransaction(trx, {
          actor: options.audited.by,
          action: 'user.created',
          target: { type: 'user', id: user.id },
        });
      }
    });
  } catch (err) {
    // Two creates racing past the check above: the unique index decides.
    if (isUniqueViolation(err))
      throw new ConflictError('email_taken', 'A user with this email already exists.');
    throw err;
  }
  return user;
}

export type Authentication =
  | { ok: true; user: User; tokenVersion: number; mustChangePassword: boolean }
  /** `userId` when the email is a user's (for the security log), never said to the caller. */
  | { ok: false; userId: string | null };

/**
 * Checks credentials. Unknown email, wrong password and deactivated account cost the same and
 * end in the same answer (the route's), so none can be told apart from outside.
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
): Promise<Authentication> {
  const row = await db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'name',
      'role',
      'passwordHash',
      'tokenVersion',
      'deactivatedAt',
      'mustChangePassword',
    ])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
  if (!row || !ok || row.deactivatedAt !== null) return { ok: false, userId: row?.id ?? null };
  const { id, name, role } = row;
  return {
    ok: true,
    user: { id, email: row.email, name, role },
    tokenVersion: row.tokenVersion,
    mustChangePassword: row.mustChangePassword === 1,
  };
}

/** The one answer to every failed sign-in. */
export function invalidCredentials(): UnauthenticatedError {
  return new UnauthenticatedError('The email or password is not correct.', 'invalid_credentials');
}

export type BootstrapResult =
  | { kind: 'configured-admin-created'; email: string }
  | { kind: 'generated-admin'; email: string; password: string }
  | { kind: 'nothing-to-do' };

/**
 * At start: create the ADMIN_EMAIL admin if missing; on an empty database with no admin
 * configured, create one with a generated password so a newcomer can sign in.
 */
export async function bootstrapAdmin(
  db: Db,
  configured: { email: string; password: string } | null,
  now: Date,
): Promise<BootstrapResult> {
  if (configured) {
    const email = configured.email.toLowerCase();
    const exists = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (exists) return { kind: 'nothing-to-do' };
    await createUser(
      db,
      { email, name: 'Administrator', password: configured.password, role: 'admin' },
      now,
      { trusted: true },
    );
    return { kind: 'configured-admin-created', email };
  }
  const anyone = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyone) return { kind: 'nothing-to-do' };
  const password = randomBytes(12).toString('base64url');
  const email = 'admin@localhost';
  await createUser(db, { email, name: 'Administrator', password, role: 'admin' }, now, {
    trusted: true,
  });
  return { kind: 'generated-admin', email, password };
}
