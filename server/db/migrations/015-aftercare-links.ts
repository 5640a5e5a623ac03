import type { Kysely } from 'kysely';

/**
 * Issue 21: a finished (or expired) candidate who lost their link can be given a new one by
 * staff, which opens only their feedback, their data export and erasure. Such a link is an extra
 * link with `scope = 'aftercare'`; `issued_by` remembers the staff member who was handed it
 * (email off), so that what is done through it is audited with `via`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('invitation_links')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('full'))
    .execute();
  await db.schema.alterTable('invitation_links').addColumn('issued_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invitation_links').dropColumn('issued_by').execute();
  await db.schema.alterTable('invitation_links').dropColumn('scope').execute();
}
