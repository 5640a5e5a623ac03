import type { Decision, Outcome } from '../../contracts/review.js';
import type { Db } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import { staffActor } from '../actor.js';
import { referenceConflict } from '../calibration/reference.js';
import { emitWebhookEvent } from '../webhooks/outbox.js';

/** Decisions on these invitations, by invitation id. */
export async function decisionsOf(db: Db, invitationIds: string[]): Promise<Map<string, Decision>> {
  if (invitationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('decisions')
    .innerJoin('users', 'users.id', 'decisions.decidedBy')
    .select([
      'decisions.invitationId',
      'decisions.outcome',
      'decisions.note',
      'decisions.decidedAt',
      'users.id as userId',
      'users.name',
    ])
    .where('decisions.invitationId', 'in', invitationIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.invitationId,
      {
        outcome: r.outcome,
        note: r.note,
        decidedBy: { id: r.userId, name: r.name },
        decidedAt: r.decidedAt,
      },
    ]),
  );
}

/**
 * Advance, hold or decline a candidate, with a note; a second call replaces the decision.
 * Audited (`decision.saved`) in the same transaction.
 */
export async function decide(
  deps: Deps,
  decider: { id: string; name: string },
  invitationId: string,
  input: { outcome: Outcome; note: string },
): Promise<Decision> {
  const row = {
    invitationId,
    outcome: input.outcome,
    note: input.note,
    decidedBy: decider.id,
    decidedAt: deps.now().toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom('invitations')
      .select(['id', 'reference'])
      .where('id', '=', invitationId)
      .executeTakeFirst();
    if (!invitation) throw new NotFoundError('There is no such invitation.');
    if (Number(invitation.reference) === 1) throw referenceConflict('a decision');
    await trx
      .insertInto('decisions')
      .values(row)
      .onConflict((oc) =>
        oc.column('invitationId').doUpdateSet({
          outcome: row.outcome,
          note: row.note,
          decidedBy: row.decidedBy,
          decidedAt: row.decidedAt,
        }),
      )
      .execute();
    await deps.audit.recordInTransaction(trx, {
      actor: staffActor(decider),
      action: 'decision.saved',
      target: { type: 'invitation', id: invitationId },
      invitationId,
    });
    await emitWebhookEvent(deps, 'decision.saved', { invitationId, outcome: row.outcome }, trx);
  });
  return {
    outcome: row.outcome,
    note: row.note,
    decidedBy: { id: decider.id, name: decider.name },
    decidedAt: row.decidedAt,
  };
}
