import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import type { Actor } from '../actor.js';
import { rememberErasedExtraLinks } from '../invitations/extra-links.js';
import { emitWebhookEvent } from '../webhooks/outbox.js';
import { deleteWhereIn, EXTRA_STATEMENTS, mediaPrefixes, ownedTables } from './invitation-data.js';

/** A claim older than this belongs to a process that died mid-erasure: another may take it. */
export const STALE_CLAIM_MS = 10 * 60 * 1000;

export type ErasureOutcome = 'erased' | 'not_found' | 'in_progress';

/**
 * Erases a candidate's invitation whole: media, rows, and (on SQLite) every copy in the
 * database files. Exactly one caller wins the claim, so a candidate is erased (and the erasure
 * recorded) once, whoever else asks at the same time: another admin, the candidate, a sweep in
 * another process.
 *
 * Why the order: media is deleted before the rows and again after, and a media job stores its
 * result only if the answer still exists and is not being erased (process-answer.ts), deleting
 * what it wrote otherwise; a chunk upload records its object only if the answer is still there
 * (put-chunk.ts) and deletes it otherwise. Whatever lands between the two passes is caught by
 * the second; whatever lands after it finds no row and removes itself.
 */
export async function eraseInvitation(
  deps: Deps,
  invitationId: string,
  actor: Actor,
): Promise<ErasureOutcome> {
  const claimed = await claim(deps, invitationId);
  if (claimed !== 'claimed') return claimed;
  let candidateId: string | null;
  try {
    const before = await answerIdsOf(deps, invitationId);
    await deleteMedia(deps, before);
    const deleted = await deleteRows(deps, invitationId, actor);
    candidateId = deleted.candidateId;
    await deleteMedia(deps, [...new Set([...before, ...deleted.answerIds])]);
  } catch (err) {
    // Let the next attempt (a retry, the next sweep) start again at once rather than in 10 min.
    await releaseClaim(deps, invitationId).catch(() => {});
    throw err;
  }
  await scrubDatabaseFiles(deps);
  deps.log.info({ invitationId, candidateId, by: actor.type }, 'candidate erased');
  return 'erased';
}

async function claim(
  deps: Deps,
  invitationId: string,
): Promise<'claimed' | Exclude<ErasureOutcome, 'erased'>> {
  const now = deps.now();
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const result = await deps.db
    .updateTable('invitations')
    .set({ erasingAt: now.toISOString() })
    .where('id', '=', invitationId)
    .where((eb) => eb.or([eb('erasingAt', 'is', null), eb('erasingAt', '<', staleBefore)]))
    .executeTakeFirst();
  if (result.numUpdatedRows === 1n) return 'claimed';
  const exists = await deps.db
    .selectFrom('invitations')
    .select('id')
    .where('id', '=', invitationId)
    .executeTakeFirst();
  return exists ? 'in_progress' : 'not_found';
}

async function releaseClaim(deps: Deps, invitationId: string): Promise<void> {
  await deps.db
    .updateTable('invitations')
    .set({ erasingAt: null })
    .where('id', '=', invitationId)
    .execute();
}

async function answerIdsOf(deps: Deps, invitationId: string): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('answers')
    .select('id')
    .where('invitationId', '=', invitationId)
    .execute();
  return rows.map((r) => r.id);
}

async function deleteMedia(deps: Deps, answerIds: string[]): Promise<void> {
  await Promise.all(
    answerIds.flatMap(mediaPrefixes).map((prefix) => deps.storage.deletePrefix(prefix)),
  );
}

/**
 * Every row in one transaction, with the audit entry: either the candidate is gone from the
 * database and that is recorded, or nothing is.
 */
async function deleteRows(
  deps: Deps,
  invitationId: string,
  actor: Actor,
): Promise<{ answerIds: string[]; candidateId: string | null }> {
  const tables = await ownedTables(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    // A write first: on SQLite a transaction that starts by reading cannot wait for another
    // process's write lock (SQLITE_BUSY at once); one that starts by writing waits its turn.
    const invitation = await trx
      .updateTable('invitations')
      .set({ erasingAt: deps.now().toISOString() })
      .where('id', '=', invitationId)
      .returning(['candidateId', 'tokenHash'])
      .executeTakeFirst();
    await deps.audit.recordInTransaction(trx, {
      actor,
      action: 'candidate.erased',
      target: { type: 'invitation', id: invitationId },
      invitationId,
    });
    if (!invitation) return { answerIds: [], candidateId: null };
    await emitWebhookEvent(deps, 'candidate.erased', { invitationId }, trx);
    const answerIds = (
      await trx
        .selectFrom('answers')
        .select('id')
        .where('invitationId', '=', invitationId)
        .execute()
    ).map((r) => r.id);
    for (const table of tables.byAnswer) await deleteWhereIn(trx, table, 'answer_id', answerIds);
    for (const statement of EXTRA_STATEMENTS) await statement(trx, { invitationId, answerIds });
    await rememberErasedExtraLinks(trx, invitationId, deps.now());
    for (const table of tables.byInvitation)
      await deleteWhereIn(trx, table, 'invitation_id', [invitationId]);
    await trx.deleteFrom('invitations').where('id', '=', invitationId).execute();
    // The link answers "erased" from now on; a digest of a random secret names no one.
    await trx
      .insertInto('erasedLinks')
      .values({ tokenHash: invitation.tokenHash, erasedAt: deps.now().toISOString() })
      .onConflict((c) => c.column('tokenHash').doNothing())
      .execute();
    const stillInvited = await trx
      .selectFrom('invitations')
      .select('id')
      .where('candidateId', '=', invitation.candidateId)
      .executeTakeFirst();
    if (!stillInvited) {
      for (const table of tables.byCandidate)
        await deleteWhereIn(trx, table, 'candidate_id', [invitation.candidateId]);
      await trx.deleteFrom('candidates').where('id', '=', invitation.candidateId).execute();
    }
    return { answerIds, candidateId: invitation.candidateId };
  });
}

/**
 * SQLite keeps deleted text in free pages and in the write-ahead log. secure_delete (set when
 * the database opens) zeroes deleted content; a truncating checkpoint then empties the WAL,
 * which still holds the old pages. PostgreSQL's dead tuples are cleared by (auto)vacuum; see
 * docs/deploy.md.
 */
async function scrubDatabaseFiles(deps: Deps): Promise<void> {
  if (deps.config.databaseUrl) return;
  try {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(deps.db);
  } catch (err) {
    // Another process holds the database; the next erasure or SQLite's own checkpoint empties it.
    deps.log.warn({ err }, 'could not truncate the SQLite write-ahead log after an erasure');
  }
}
