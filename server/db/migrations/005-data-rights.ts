import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Data rights and audit: the append-only audit log, retention and privacy text per interview,
 * the consent a candidate gave, and the claim that makes an erasure happen once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // No names are stored here: actors' names are joined at read time, so erasing a candidate
  // removes their name from the trail while the fact (who did what, when) stays.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('invitation_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('audit_log_invitation')
    .on('audit_log')
    .columns(['invitation_id', 'at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_actor')
    .on('audit_log')
    .columns(['actor_id', 'at', 'id'])
    .execute();
  await forbidChanges(db);

  await db.schema
    .alterTable('interviews')
    .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(365))
    .execute();
  // Null: the built-in privacy notice.
  await db.schema.alterTable('interviews').addColumn('privacy_text', 'text').execute();

  // Set when an erasure claims the invitation; from then on the link and every view treat it
  // as gone. A claim older than a few minutes (a process died mid-way) may be taken again.
  await db.schema.alterTable('invitations').addColumn('erasing_at', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('consent_at', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('consent_version', 'text').execute();

  // Every privacy text a candidate consented to, by version (a hash of the text), so an export
  // can show the exact words even after the interview's text was edited.
  await db.schema
    .createTable('privacy_texts')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // The digest of an erased invitation's link, so that link answers 404 "erased" rather than
  // "not valid". A digest of a random secret says nothing about the person it was sent to.
  await db.schema
    .createTable('erased_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
}

/** The database itself refuses to change or delete an audit entry, whoever asks. */
async function forbidChanges(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    return;
  }
  for (const event of ['UPDATE', 'DELETE']) {
    await sql
      .raw(`CREATE TRIGGER audit_log_no_${event.toLowerCase()} BEFORE ${event} ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('erased_links').execute();
  await db.schema.dropTable('privacy_texts').execute();
  for (const column of ['consent_version', 'consent_at', 'erasing_at'])
    await db.schema.alterTable('invitations').dropColumn(column).execute();
  for (const column of ['privacy_text', 'retention_days'])
    await db.schema.alterTable('interviews').dropColumn(column).execute();
  await db.schema.dropTable('audit_log').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`DROP FUNCTION IF EXISTS audit_log_append_only()`.execute(db);
}
