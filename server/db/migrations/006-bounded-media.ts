import type { Kysely } from 'kysely';

/**
 * Bounded media (issue 8): what a take holds and may hold, why a take failed (retakes are
 * charged by cause), and what the job queue needs to be fair between candidates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('answers')
    // The effective limit the take's budgets come from; null for takes begun before budgets.
    .addColumn('budget_max_seconds', 'integer')
    .execute();
  await db.schema
    .alterTable('answers')
    // bigint: a long question's takes may exceed 2 GiB between them on PostgreSQL's integer.
    .addColumn('stored_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  // 'server' | 'media' | 'replaced'; null for takes that failed before causes were recorded.
  await db.schema.alterTable('answers').addColumn('failure_cause', 'text').execute();
  await db.schema
    .createIndex('answers_open_by_status')
    .on('answers')
    .columns(['status', 'updated_at'])
    .execute();

  // Jobs of one owner (an invitation) share slots fairly; cheaper jobs go first among equals.
  await db.schema.alterTable('jobs').addColumn('fair_group', 'text').execute();
  await db.schema
    .alterTable('jobs')
    .addColumn('cost', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('answers_open_by_status').execute();
  for (const column of ['budget_max_seconds', 'stored_bytes', 'failure_cause'])
    await db.schema.alterTable('answers').dropColumn(column).execute();
  for (const column of ['fair_group', 'cost'])
    await db.schema.alterTable('jobs').dropColumn(column).execute();
}
