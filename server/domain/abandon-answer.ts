import type { InvitationsTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { ConflictError } from '../errors.js';
import { loadOwnAnswer } from './answer-view.js';
import { assertWithinUploadGrace, candidateContext } from './candidate-access.js';

/**
 * Extension (`POST /candidate/answers/:id/abandon`): forgets a take that recorded nothing (the
 * camera failed, the candidate stopped at once, the page died before the first slice). The row
 * is deleted, so the take costs no retake and no longer blocks a question that has none. A take
 * holding even one chunk is never deleted: it is completed with what it holds instead.
 */
export async function abandonAnswer(
  deps: Deps,
  invitation: InvitationsTable,
  answerId: string,
): Promise<void> {
  const answer = await loadOwnAnswer(deps.db, invitation.id, answerId);
  assertRecording(answer.status);
  assertWithinUploadGrace(deps, await candidateContext(deps, invitation));

  // One statement checks and deletes, so a chunk stored in between cannot be deleted with it.
  const result = await deps.db
    .deleteFrom('answers')
    .where('id', '=', answerId)
    .where('status', '=', 'recording')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('chunks').select('idx').whereRef('chunks.answerId', '=', 'answers.id')),
      ),
    )
    .executeTakeFirst();
  if (result.numDeletedRows > 0n) return;

  const now = await loadOwnAnswer(deps.db, invitation.id, answerId);
  assertRecording(now.status);
  throw new ConflictError(
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
