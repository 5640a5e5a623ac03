import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError, ExpiredError } from '../../errors.js';
import { closesAt } from '../invitations/invitation-status.js';
import { emitWebhookEvent } from '../webhooks/outbox.js';

/**
 * After closing, uploads of takes begun in time are still accepted for this long, so a candidate
 * who pressed stop a minute before the deadline on a slow connection loses nothing.
 */
export const UPLOAD_GRACE_MS = 24 * 3600 * 1000;

export interface CandidateContext {
  invitation: InvitationsTable;
  deadline: string | null;
  closesAt: string;
  isClosed: boolean;
}

export async function candidateContext(
  deps: Deps,
  invitation: InvitationsTable,
): Promise<CandidateContext> {
  const { deadline } = await deps.db
    .selectFrom('interviews')
    .select('deadline')
    .where('id', '=', invitation.interviewId)
    .executeTakeFirstOrThrow();
  return contextWithDeadline(deps, invitation, deadline);
}

/** The same context, for a caller that read the interview's deadline in a query of its own. */
export function contextWithDeadline(
  deps: Deps,
  invitation: InvitationsTable,
  deadline: string | null,
): CandidateContext {
  const closing = closesAt(invitation, deadline);
  return { invitation, deadline, closesAt: closing, isClosed: closing <= deps.now().toISOString() };
}

/** New work (opening the session, a new take) needs an open, unfinished invitation. */
export function assertOpenForNewWork(ctx: CandidateContext): void {
  if (ctx.invitation.status === 'completed') {
    throw new ConflictError('interview_completed', 'You have already finished this interview.');
  }
  if (ctx.isClosed) throw new ExpiredError(`This interview closed on ${ctx.closesAt}.`);
}

/** Finishing an upload already under way is allowed for a grace period after closing. */
export function assertWithinUploadGrace(deps: Deps, ctx: CandidateContext): void {
  const graceEnds = new Date(new Date(ctx.closesAt).getTime() + UPLOAD_GRACE_MS).toISOString();
  if (graceEnds <= deps.now().toISOString())
    throw new ExpiredError(`This interview closed on ${ctx.closesAt}.`);
}

/** The first sign of life from a candidate moves the invitation from invited to started. */
export async function markStarted(deps: Deps, invitation: InvitationsTable): Promise<void> {
  // The webhook event is queued in the same transaction: it exists if and only if the change does.
  const started = await deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('invitations')
      .set({ status: 'started', startedAt: deps.now().toISOString() })
      .where('id', '=', invitation.id)
      .where('status', '=', 'invited')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await emitWebhookEvent(deps, 'invitation.started', { invitationId: invitation.id }, trx);
    return true;
  });
  if (started)
    deps.events.publish('invitation-status', { invitationId: invitation.id, status: 'started' });
}
