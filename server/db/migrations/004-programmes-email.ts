import type { Kysely } from 'kysely';

// Issue 11: public programmes, invitation origin and language, the email outbox, feedback and
// extra time. Portable column types only (text, integer) so it serves SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programmes')
    .addColumn('interview_id', 'text', (c) =>
      c.primaryKey().references('interviews.id').onDelete('cascade'),
    )
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    /** JSON: [{ key, name, deadline }] */
    .addColumn('locations', 'text', (c) => c.notNull())
    /** JSON: [{ key, prompt, requiredAnswer }] */
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('consent_text', 'text')
    .execute();

  await db.schema
    .alterTable('invitations')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('invited'))
    .execute();
  await db.schema.alterTable('invitations').addColumn('duplicate_of', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('location_key', 'text').execute();
  await db.schema
    .alterTable('invitations')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  await db.schema
    .alterTable('invitations')
    .addColumn('extra_time', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // JSON { eligibility, consentAt } of an application; null for invited candidates.
  await db.schema.alterTable('invitations').addColumn('application', 'text').execute();
  // "<interviewId> <email>" for the one application a person has per programme: a unique key,
  // so two simultaneous applications of the same person cannot make two candidates.
  await db.schema.alterTable('invitations').addColumn('application_key', 'text').execute();
  await db.schema
    .createIndex('invitations_application_key')
    .unique()
    .on('invitations')
    .column('application_key')
    .execute();

  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.references('invitations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // Once-only messages (a reminder) carry a key; the unique index makes "once" a fact.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    // The bodies hold the candidate's link: they are cleared once the message is sent.
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_outbox_status')
    .on('email_outbox')
    .columns(['status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('email_outbox_invitation')
    .on('email_outbox')
    .columns(['invitation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('feedback')
    .addColumn('invitation_id', 'text', (c) =>
      c.primaryKey().references('invitations.id').onDelete('cascade'),
    )
    .addColumn('summary', 'text', (c) => c.notNull())
    /** JSON: [{ key, text }] */
    .addColumn('competencies', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feedback').execute();
  await db.schema.dropTable('email_outbox').execute();
  await db.schema.dropIndex('invitations_application_key').execute();
  for (const column of [
    'application_key',
    'application',
    'extra_time',
    'language',
    'location_key',
    'duplicate_of',
    'source',
  ]) {
    await db.schema.alterTable('invitations').dropColumn(column).execute();
  }
  await db.schema.dropTable('programmes').execute();
}
