import type { ExpressionBuilder } from 'kysely';
import type { AnswerStatus, Database, FailureCause } from '../../db/schema.js';

/**
 * A tombstone is a take closed while the server held none of it: abandoned by the candidate
 * (`abandoned`) or closed by a newer take of its question (`replaced`). Another device or tab
 * may still hold its recording, so it keeps taking chunks and `complete` (within the take's
 * budget, the upload grace and "a finished interview is final"); completing it submits it like
 * any take. It never turns back into `recording`: the question's open take stays the only one.
 */
export const TOMBSTONE_CAUSES = ['abandoned', 'replaced'] as const satisfies FailureCause[];

interface TakeState {
  status: AnswerStatus;
  failureCause: FailureCause | null;
}

export function isTombstone(take: TakeState): boolean {
  return (
    take.status === 'failed' &&
    (TOMBSTONE_CAUSES as readonly (FailureCause | null)[]).includes(take.failureCause)
  );
}

/** The take still takes chunks and `complete`: it records, or it is a tombstone. */
export function acceptsChunks(take: TakeState): boolean {
  return take.status === 'recording' || isTombstone(take);
}

/** SQL for `isTombstone` on the answers table: false, never null, so that NOT(...) works too. */
export function tombstoneSql(eb: ExpressionBuilder<Database, 'answers'>) {
  return eb.and([
    eb('answers.status', '=', 'failed'),
    eb('answers.failureCause', 'is not', null),
    eb('answers.failureCause', 'in', [...TOMBSTONE_CAUSES]),
  ]);
}

/** SQL for `acceptsChunks` on the answers table (one condition, so one statement decides). */
export function acceptsChunksSql(eb: ExpressionBuilder<Database, 'answers'>) {
  return eb.or([eb('answers.status', '=', 'recording'), tombstoneSql(eb)]);
}
