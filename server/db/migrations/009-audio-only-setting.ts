import type { Kysely } from 'kysely';

/**
 * Issue 9: an interview may forbid sound-only answers. 1 (allowed) or 0, an integer so that
 * SQLite and PostgreSQL store it alike; existing interviews keep today's behaviour (allowed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('interviews')
    .addColumn('allow_audio_only', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('interviews').dropColumn('allow_audio_only').execute();
}
