import { type Kysely, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { answerKeys } from '../takes/answer-keys.js';

/**
 * What belongs to an invitation, in one place. Erasure deletes:
 *
 * 1. rows of every table with an `answer_id` column, for the invitation's answers;
 * 2. rows of every table with an `invitation_id` column (answers last);
 * 3. the invitation; then rows with a `candidate_id` column and the candidate, once no other
 *    invitation names them;
 * 4. queued media jobs of its answers (their payload names the answer);
 * 5. media objects under `answers/<answerId>/` (chunks, MP4, audio, poster) in storage.
 *
 * Tables are found by these column names when the process first erases, so a table another
 * feature adds (decisions, feedback, email outbox, applications, ...) is included as long as it
 * names the invitation, answer or candidate that way. A table that holds a candidate's data in
 * some other shape must be listed in EXTRA_STATEMENTS below.
 */

/** Tables that keep their rows on erasure, and why. */
const KEPT: Record<string, string> = {
  // The fact that something happened stays; names are joined at read time and vanish with the
  // candidate row.
  audit_log: 'append-only trail; holds ids and times, no names',
};

/**
 * Deletes a table cannot express through the column names above, run in the erasure
 * transaction after the discovered ones (with the invitation and answer ids as parameters).
 */
export const EXTRA_STATEMENTS: ((
  trx: Kysely<Database>,
  ids: { invitationId: string; answerIds: string[] },
) => Promise<unknown>)[] = [
  // The in-process queue's rows: id `process-answer:<answerId>`, payload {"answerId": ...}.
  (trx, { answerIds }) =>
    answerIds.length === 0
      ? Promise.resolve()
      : trx
          .deleteFrom('jobs')
          .where((eb) =>
            eb.or([
              eb(
                'id',
                'in',
                answerIds.map((id) => `process-answer:${id}`),
              ),
              eb(
                'payload',
                'in',
                answerIds.map((answerId) => JSON.stringify({ answerId })),
              ),
            ]),
          )
          .execute(),
];

/** Storage prefixes holding an answer's media; everything under them goes. */
export function mediaPrefixes(answerId: string): string[] {
  return [answerKeys(answerId).root];
}

export interface OwnedTables {
  byAnswer: string[];
  byInvitation: string[];
  byCandidate: string[];
}

let discovered: Promise<OwnedTables> | null = null;

/** The tables that hold an answer's, an invitation's or a candidate's rows (cached). */
export function ownedTables(db: Db): Promise<OwnedTables> {
  discovered ??= discover(db).catch((err) => {
    discovered = null;
    throw err;
  });
  return discovered;
}

async function discover(db: Db): Promise<OwnedTables> {
  const tables = await db.introspection.getTables();
  const owned: OwnedTables = { byAnswer: [], byInvitation: [], byCandidate: [] };
  for (const table of tables) {
    const name = snake(table.name);
    if (name in KEPT || name.startsWith('kysely_')) continue;
    const columns = new Set(table.columns.map((c) => snake(c.name)));
    if (columns.has('answer_id')) owned.byAnswer.push(name);
    else if (columns.has('invitation_id') && name !== 'answers') owned.byInvitation.push(name);
    else if (columns.has('candidate_id') && name !== 'invitations') owned.byCandidate.push(name);
  }
  // Answers go after every table that may point at them.
  owned.byInvitation.push('answers');
  return owned;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** DELETE FROM <table> WHERE <column> IN (<ids>), for a table known only by name. */
export function deleteWhereIn(
  trx: Kysely<Database>,
  table: string,
  column: string,
  ids: string[],
): Promise<unknown> {
  if (ids.length === 0) return Promise.resolve();
  return sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(column)} IN (${sql.join(ids)})`.execute(
    trx,
  );
}
