import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError } from '../../errors.js';
import { assertWithinUploadGrace, candidateContext } from '../candidate/candidate-access.js';
import { loadOwnAnswer } from './answer-view.js';
import { attemptNote } from './retake-accounting.js';
import { isTombstone } from './tombstones.js';

/** Shown on a take given up before any of it reached the server. */
export const ABANDONED_EMPTY_TAKE = `This take was given up before any of it was uploaded. ${attemptNote('abandoned', 0)}`;

/**
 * Extension (`POST /candidate/answers/:id/abandon`): gives up a take that recorded nothing (the
 * camera failed, the candidate stopped at once, the page died before the first slice). It costs
 * no retake and no longer blocks a question that has none. The row is kept as an `abandoned`
 * tombstone, not deleted: another device or tab may still hold its recording and upload it
 * (tombstones.ts). A take holding even one chunk is not abandoned: it is submitted instead.
 * Abandoning an empty tombstone again changes nothing.
 */
export async function abandonAnswer(
  deps: Deps,
  invitation: InvitationsTable,
  answerId: string,
): Promise<void> {
  const answer = await loadOwnAnswer(deps.db, invitation.id, answerId);
  if (isTombstone(answer)) return assertEmpty(deps, answerId);
  assertRecording(answer.status);
  assertWithinUploadGrace(deps, await candidateContext(deps, invitation));

  // One statement checks and closes, so a take whose first chunk is stored meanwhile stays open.
  const result = await deps.db
    .updateTable('answers')
    .set({
      status: 'failed',
      failureCause: 'abandoned',
      error: ABANDONED_EMPTY_TAKE,
      updatedAt: deps.now().toISOString(),
    })
    .where('id', '=', answerId)
    .where('status', '=', 'recording')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('chunks').select('idx').whereRef('chunks.answerId', '=', 'answers.id')),
      ),
    )
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return;

  // Closed meanwhile (a newer take replaced it), or its first chunk arrived.
  const now = await loadOwnAnswer(deps.db, invitation.id, answerId);
  if (isTombstone(now)) return assertEmpty(deps, answerId);
  assertRecording(now.status);
  throw takeNotEmpty();
}

/** An empty tombstone is already what abandoning makes; one holding chunks is to be submitted. */
async function assertEmpty(deps: Deps, answerId: string): Promise<void> {
  const chunk = await deps.db
    .selectFrom('chunks')
    .select('idx')
    .where('answerId', '=', answerId)
    .limit(1)
    .executeTakeFirst();
  if (chunk) throw takeNotEmpty();
}

function takeNotEmpty(): ConflictError {
  return new ConflictError(
    'take_not_empty',
    'Part of this take has already been uploaded: submit it instead of abandoning it.',
  );
}

function assertRecording(status: string): void {
  if (status !== 'recording') {
    throw new ConflictError(
      'answer_closed',
      'This take was already submitted; it cannot be abandoned.',
    );
  }
}
