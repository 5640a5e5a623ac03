import type { Kysely } from 'kysely';

/**
 * Issue 21 item 2: organiser-written text in English and French. JSON `{ en?: {...}, fr?: {...} }`
 * beside the text as written: an interview's title and intro, a question's prompt and anchors.
 * (Competency and eligibility translations live inside their JSON columns already.) Text, so
 * that SQLite and PostgreSQL store it alike; existing rows have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('interviews')
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('questions')
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('questions').dropColumn('translations').execute();
  await db.schema.alterTable('interviews').dropColumn('translations').execute();
}
