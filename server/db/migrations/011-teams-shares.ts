import { type Kysely, sql } from 'kysely';

/**
 * Issue 19: who sees which interview, and share links for hiring managers.
 *
 * - interview_members: recruiter or reviewer members of an interview (admins need none).
 *   Upgrade rule: every existing recruiter and reviewer becomes a member of every existing
 *   interview with their account's role, so nobody loses access they had.
 * - audit_log.details: JSON for what an entry says beyond actor/action/target (`changes`,
 *   `via`); null for most entries.
 * - invitations.link_issued_by: the staff member who was handed the current candidate link
 *   (email off or sendEmail false); actions through it are audited with `via.issuedBy`.
 * - shares and guest_ratings: a hiring manager's link to one candidate, and their scores, kept
 *   apart from staff ratings so they never count in results or agreement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interview_members')
    .addColumn('interview_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interview_members_pk', ['interview_id', 'user_id'])
    .execute();
  // The rule runs per user on every list: "which interviews may this user see".
  await db.schema
    .createIndex('interview_members_user')
    .on('interview_members')
    .columns(['user_id', 'interview_id'])
    .execute();
  const now = new Date().toISOString();
  await sql`INSERT INTO interview_members (interview_id, user_id, role, created_at)
    SELECT interviews.id, users.id, users.role, ${now}
    FROM interviews CROSS JOIN users
    WHERE users.role IN ('recruiter', 'reviewer')`.execute(db);

  await db.schema.alterTable('audit_log').addColumn('details', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('link_issued_by', 'text').execute();

  await db.schema
    .createTable('shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('show_name', 'integer', (c) => c.notNull())
    .addColumn('allow_rating', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('opens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_opened_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('shares_invitation')
    .on('shares')
    .columns(['invitation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('guest_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('share_id', 'text', (c) => c.notNull())
    .addColumn('answer_id', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('guest_ratings_share_answer', ['share_id', 'answer_id'])
    .execute();
  await db.schema
    .createIndex('guest_ratings_invitation')
    .on('guest_ratings')
    .column('invitation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('guest_ratings').execute();
  await db.schema.dropTable('shares').execute();
  await db.schema.alterTable('invitations').dropColumn('link_issued_by').execute();
  await db.schema.alterTable('audit_log').dropColumn('details').execute();
  await db.schema.dropTable('interview_members').execute();
}
