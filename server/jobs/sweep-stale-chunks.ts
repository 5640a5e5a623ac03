import type { Deps } from '../deps.js';
import { UPLOAD_GRACE_MS } from '../domain/candidate/candidate-access.js';
import { closesAt } from '../domain/invitations/invitation-status.js';
import { answerKeys } from '../domain/takes/answer-keys.js';
import { acceptsChunksSql, tombstoneSql } from '../domain/takes/tombstones.js';

/** Takes handled per run: a sweep stays short; the next run takes the rest. */
const BATCH = 200;

export const UNSUBMITTED_TAKE =
  'This take was never submitted; its upload was discarded after the interview closed.';

/**
 * Deletes the chunks that can never become an answer: those of takes left open past the upload
 * grace after the interview closed (or after the candidate finished). The chunks of a take whose
 * processing failed are NOT swept: they are what the candidate recorded, and nothing recorded is
 * lost before the interview's retention date erases the candidate (erasure/), whatever the
 * cause of the failure; a person can still look at them or retry the job. A tombstone that received chunks (tombstones.ts) can still be
 * submitted, so it is a take left open, not a failed one; an empty tombstone holds nothing.
 * Safe with several processes sweeping at once: a take's chunks are deleted from storage before
 * their rows (a sweep that dies half-way is finished by the next), every step is idempotent,
 * and such takes can no longer receive chunks. Returns how many takes were cleared.
 */
export async function sweepStaleChunks(deps: Deps): Promise<number> {
  const now = deps.now();
  const stale = await openTakesPastGrace(deps, now);
  for (const answerId of stale) {
    await deps.storage.deletePrefix(answerKeys(answerId).chunks);
    await deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('chunks').where('answerId', '=', answerId).execute();
      await trx.updateTable('answers').set({ storedBytes: 0 }).where('id', '=', answerId).execute();
      // An open take is closed for good: it shows as failed, not as recording forever.
      await trx
        .updateTable('answers')
        .set({
          status: 'failed',
          failureCause: 'expired',
          error: UNSUBMITTED_TAKE,
          updatedAt: now.toISOString(),
        })
        .where('id', '=', answerId)
        .where(acceptsChunksSql)
        .execute();
    });
  }
  return stale.length;
}

async function openTakesPastGrace(deps: Deps, now: Date): Promise<string[]> {
  const graceStart = new Date(now.getTime() - UPLOAD_GRACE_MS).toISOString();
  const open = await deps.db
    .selectFrom('answers')
    .innerJoin('invitations', 'invitations.id', 'answers.invitationId')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .select([
      'answers.id',
      'invitations.status',
      'invitations.expiresAt',
      'invitations.completedAt',
      'interviews.deadline',
    ])
    .where((eb) =>
      eb.or([
        eb('answers.status', '=', 'recording'),
        eb.and([
          tombstoneSql(eb),
          eb.exists(
            eb
              .selectFrom('chunks')
              .select('chunks.idx')
              .whereRef('chunks.answerId', '=', 'answers.id'),
          ),
        ]),
      ]),
    )
    // Cheap first cut in SQL; the exact closing time (expiry or deadline) is decided below.
    .where((eb) =>
      eb.or([
        eb('invitations.expiresAt', '<=', graceStart),
        eb('interviews.deadline', '<=', graceStart),
        eb('invitations.completedAt', '<=', graceStart),
      ]),
    )
    .limit(BATCH)
    .execute();
  return open
    .filter(
      (take) =>
        closesAt(take, take.deadline) <= graceStart ||
        (take.status === 'completed' &&
          take.completedAt !== null &&
          take.completedAt <= graceStart),
    )
    .map((take) => take.id);
}
