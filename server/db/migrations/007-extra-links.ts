import type { Kysely } from 'kysely';

/**
 * Lasting candidate links: every link a candidate was emailed (feedback released, reminder)
 * keeps opening their invitation, so extra token digests are kept beside the main one. The
 * `invitation_id` column lets erasure find and delete them with the invitation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invitation_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invitation_links_invitation')
    .on('invitation_links')
    .column('invitation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('invitation_links').execute();
}
