import { type Kysely, sql } from 'kysely';

/**
 * Structured review: competencies and review settings on interviews, a rubric on questions,
 * pseudonyms on invitations, sealed-rating bookkeeping on ratings, decisions, audio renditions.
 * New columns have defaults, so rows written by code that does not know them stay valid.
 * JSON lives in text columns: portable between SQLite and PostgreSQL, read whole, never queried.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const addText = (table: string, column: string, fallback: string) =>
    db.schema
      .alterTable(table)
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(fallback))
      .execute();
  await addText('interviews', 'competencies', '[]');
  await addText('interviews', 'review_settings', '{}');
  await db.schema.alterTable('questions').addColumn('competency', 'text').execute();
  await addText('questions', 'guidance', '');
  await addText('questions', 'anchors', '{}');

  // The number in "Candidate 7": given once, unique within the interview.
  await db.schema.alterTable('invitations').addColumn('label_number', 'integer').execute();
  await db.schema
    .createIndex('invitations_label')
    .on('invitations')
    .columns(['interview_id', 'label_number'])
    .unique()
    .execute();

  await db.schema.alterTable('answers').addColumn('audio_key', 'text').execute();

  // Sealed ratings: when colleagues' scores first became visible to this rater, the score then,
  // whether the score changed afterwards, and whether the first score was given blind at all.
  await db.schema.alterTable('ratings').addColumn('revealed_at', 'text').execute();
  await db.schema.alterTable('ratings').addColumn('first_score', 'integer').execute();
  for (const [column, fallback] of [
    ['revised_after_reveal', 0],
    ['first_blind', 1],
  ] as const) {
    await db.schema
      .alterTable('ratings')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(sql.lit(fallback)))
      .execute();
  }

  await db.schema
    .createTable('decisions')
    .addColumn('invitation_id', 'text', (c) =>
      c.primaryKey().references('invitations.id').onDelete('cascade'),
    )
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('decisions').execute();
  await db.schema.dropIndex('invitations_label').execute();
  for (const [table, column] of [
    ['ratings', 'first_blind'],
    ['ratings', 'revised_after_reveal'],
    ['ratings', 'first_score'],
    ['ratings', 'revealed_at'],
    ['answers', 'audio_key'],
    ['invitations', 'label_number'],
    ['questions', 'anchors'],
    ['questions', 'guidance'],
    ['questions', 'competency'],
    ['interviews', 'review_settings'],
    ['interviews', 'competencies'],
  ] as const) {
    await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
