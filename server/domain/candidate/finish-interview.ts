import type { Invitation } from '../../contracts/api.js';
import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError } from '../../errors.js';
import { sendReceipt } from '../email/receipt.js';
import { questionsOf } from '../interviews/interviews.js';
import { withReviewFields } from '../review/pseudonyms.js';
import { emitWebhookEvent } from '../webhooks/outbox.js';
import { assertWithinUploadGrace, candidateContext } from './candidate-access.js';

/** The candidate is done: every question needs a submitted take. Idempotent. */
export async function finishInterview(
  deps: Deps,
  invitation: InvitationsTable,
): Promise<Invitation> {
  if (invitation.status !== 'completed') {
    assertWithinUploadGrace(deps, await candidateContext(deps, invitation));
    const questions = await questionsOf(deps.db, invitation.interviewId);
    const answered = new Set(
      (
        await deps.db
          .selectFrom('answers')
          .select('questionId')
          .where('invitationId', '=', invitation.id)
          .where('status', 'in', ['processing', 'ready'])
          .execute()
      ).map((a) => a.questionId),
    );
    const missing = questions.filter((q) => !answered.has(q.id)).map((q) => q.id);
    if (missing.length > 0) {
      throw new ConflictError(
        'unanswered_questions',
        `${missing.length} question(s) have no submitted answer yet.`,
        {
          missing,
        },
      );
    }
    const now = deps.now().toISOString();
    // The webhook event is queued in the same transaction as the change it announces.
    const completed = await deps.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('invitations')
        .set({ status: 'completed', completedAt: now, startedAt: invitation.startedAt ?? now })
        .where('id', '=', invitation.id)
        .where('status', '!=', 'completed')
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await emitWebhookEvent(deps, 'invitation.completed', { invitationId: invitation.id }, trx);
      return true;
    });
    if (completed) {
      deps.events.publish('invitation-status', {
        invitationId: invitation.id,
        status: 'completed',
      });
      // Issue 11: a receipt by email; its failure must not fail the finish.
      await sendReceipt(deps, invitation.id).catch((err: Error) =>
        deps.log.warn({ err }, 'receipt not queued'),
      );
    }
  }
  return invitationView(deps, invitation.id);
}

async function invitationView(deps: Deps, invitationId: string): Promise<Invitation> {
  const row = await deps.db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .select([
      'invitations.id',
      'invitations.expiresAt',
      'invitations.completedAt',
      'candidates.id as candidateId',
      'candidates.name',
      'candidates.email',
    ])
    .where('invitations.id', '=', invitationId)
    .executeTakeFirstOrThrow();
  const [view] = await withReviewFields(deps, [
    {
      id: row.id,
      candidate: { id: row.candidateId, name: row.name, email: row.email },
      status: 'completed',
      expiresAt: row.expiresAt,
      completedAt: row.completedAt,
    },
  ]);
  return view!;
}
