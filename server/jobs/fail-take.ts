import type { Deps } from '../deps.js';
import { attemptNote } from '../domain/takes/retake-accounting.js';
import { emitWebhookEvent } from '../domain/webhooks/outbox.js';
import type { PermanentJobError } from './job-queue.js';

/** Shown when processing failed for a reason that is ours, not the recording's. */
const INTERNAL_FAILURE =
  'We could not process this recording. It is kept safe; an administrator can retry it.';

/**
 * Marks a `processing` take failed with its cause and a sentence for the candidate: what went
 * wrong and whether it cost an attempt (retake-accounting.ts). `mediaFault` is the input's own
 * fault (not media, a decode bomb); null means the server failed. Returns the invitation of the
 * take, or undefined when it was no longer processing.
 */
export async function failTake(
  deps: Deps,
  answerId: string,
  mediaFault: PermanentJobError | null,
): Promise<{ invitationId: string } | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    const take = await trx
      .selectFrom('answers')
      .select(['invitationId', 'questionId'])
      .where('id', '=', answerId)
      .where('status', '=', 'processing')
      .executeTakeFirst();
    if (!take) return undefined;
    const cause = mediaFault ? 'media' : 'server';
    const earlier = await trx
      .selectFrom('answers')
      .select(({ fn }) => fn.countAll<number | string>().as('count'))
      .where('invitationId', '=', take.invitationId)
      .where('questionId', '=', take.questionId)
      .where('status', '=', 'failed')
      .where('failureCause', '=', 'media')
      .executeTakeFirstOrThrow();
    const what = mediaFault ? mediaFault.message : INTERNAL_FAILURE;
    const row = await trx
      .updateTable('answers')
      .set({
        status: 'failed',
        failureCause: cause,
        error: `${what} ${attemptNote(cause, Number(earlier.count))}`,
        updatedAt: deps.now().toISOString(),
      })
      .where('id', '=', answerId)
      .where('status', '=', 'processing')
      .returning('invitationId')
      .executeTakeFirst();
    if (row) await emitWebhookEvent(deps, 'answer.failed', { answerId, ...row }, trx);
    return row;
  });
}
