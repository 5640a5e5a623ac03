import type { Kysely } from 'kysely';

/**
 * Staff account lifecycle (issue 8): deactivation, forced password change, revocation.
 * Portable column types only (text, integer), as in 001.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Bumped when every token of a user must stop at once (deactivation, password change or
  // reset): a token carries the version it was signed with.
  await db.schema
    .alterTable('users')
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('deactivated_at', 'text').execute();
  // 1 after an admin reset: the one-time password only lets its holder choose a new one.
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Signed-out tokens until they would have expired anyway (then the row can go).
  await db.schema
    .createTable('revoked_tokens')
    .addColumn('jti', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('revoked_tokens_expiry')
    .on('revoked_tokens')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('revoked_tokens').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  await db.schema.alterTable('users').dropColumn('deactivated_at').execute();
  await db.schema.alterTable('users').dropColumn('token_version').execute();
}
