import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Issue 20.
 * - The audit trail refused UPDATE and DELETE row by row, but PostgreSQL's TRUNCATE fires no
 *   row trigger: a statement trigger refuses it too. (SQLite has no TRUNCATE; its triggers can
 *   still be dropped by whoever can write the file: docs/deploy.md.)
 * - The public form's mail ceilings count application mails of the last hour: an index on
 *   (kind, created_at) keeps that count from reading the whole outbox.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  }
  await db.schema
    .createIndex('email_outbox_kind_created')
    .on('email_outbox')
    .columns(['kind', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('email_outbox_kind_created').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log`.execute(db);
}
