import { type Kysely, sql } from 'kysely';

/**
 * Issue 22 and issue 19 item 4: sealed for organisers, voluntary self-identification,
 * reference (calibration) invitations and expert scores.
 *
 * - `staff_sightings`: the last time a staff member read an interview's results, reliability or
 *   ratings CSV, each of which shows every rating of the interview at that moment. A rating
 *   saved later on an answer a colleague had already rated then was not given independently.
 * - `fairness_settings`: the installation's self-identification form (one row).
 * - `self_identifications`: a candidate's answers, in a table of their own that only the
 *   adverse-impact report, the candidate's export and erasure touch (`invitation_id` makes
 *   erasure find it).
 * - `invitations.reference`: 1 for a calibration invitation, which counts nowhere else.
 * - `expert_scores`: the expert's score and rationale of a reference answer (`answer_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_sightings')
    // No foreign key to users: an API key (another bearer kind) reads results too.
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('interview_id', 'text', (c) =>
      c.notNull().references('interviews.id').onDelete('cascade'),
    )
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_sightings_pk', ['user_id', 'interview_id'])
    .execute();

  await db.schema
    .createTable('fairness_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('self_identifications')
    .addColumn('invitation_id', 'text', (c) =>
      c.primaryKey().references('invitations.id').onDelete('cascade'),
    )
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('invitations')
    .addColumn('reference', 'integer', (c) => c.notNull().defaultTo(sql.lit(0)))
    .execute();

  await db.schema
    .createTable('expert_scores')
    .addColumn('answer_id', 'text', (c) =>
      c.primaryKey().references('answers.id').onDelete('cascade'),
    )
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('expert_scores').execute();
  await db.schema.alterTable('invitations').dropColumn('reference').execute();
  await db.schema.dropTable('self_identifications').execute();
  await db.schema.dropTable('fairness_settings').execute();
  await db.schema.dropTable('staff_sightings').execute();
}
