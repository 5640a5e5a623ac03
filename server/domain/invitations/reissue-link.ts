import { hashCandidateToken, newCandidateToken } from '../../auth/candidate-tokens.js';
import type { Invitation } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { ConflictError, ExpiredError, NotFoundError } from '../../errors.js';
import type { Actor } from '../actor.js';
import { withReviewFields } from '../review/pseudonyms.js';
import { revokeExtraLinks } from './extra-links.js';
import { visibleStatus } from './invitation-status.js';

/**
 * A new link for an invitation whose link was lost: only a digest of the token is stored, so the
 * old link cannot be shown again. The new token replaces the old one and every link emailed
 * since, which stop working at once (a link sent to a wrong address is revoked this way too).
 * Answers already recorded stay. Audited (`invitation.link_reissued`) in the same transaction.
 */
export async function reissueLink(
  deps: Deps,
  invitationId: string,
  actor: Actor,
): Promise<Invitation> {
  const row = await deps.db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .select([
      'invitations.id',
      'invitations.status',
      'invitations.expiresAt',
      'invitations.completedAt',
      'interviews.deadline',
      'candidates.id as candidateId',
      'candidates.name',
      'candidates.email',
    ])
    .where('invitations.id', '=', invitationId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such invitation.');
  const status = visibleStatus(row, row.deadline, deps.now());
  if (status === 'completed') {
    throw new ConflictError(
      'invitation_completed',
      'This candidate has finished the interview: a new link would have nothing left to do.',
    );
  }
  if (status === 'expired') {
    throw new ExpiredError('This invitation has expired. Move the deadline first, then try again.');
  }

  const token = newCandidateToken();
  const replaced = await deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('invitations')
      .set({ tokenHash: hashCandidateToken(token) })
      .where('id', '=', invitationId)
      .where('status', '!=', 'completed')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    // Links emailed later (reminders) are revoked too: a re-issue leaves exactly one link.
    await revokeExtraLinks(trx, invitationId);
    await deps.audit.recordInTransaction(trx, {
      actor,
      action: 'invitation.link_reissued',
      target: { type: 'invitation', id: invitationId },
      invitationId,
    });
    return true;
  });
  if (!replaced) return reissueLink(deps, invitationId, actor); // finished meanwhile
  const [invitation] = await withReviewFields(deps, [
    {
      id: row.id,
      candidate: { id: row.candidateId, name: row.name, email: row.email },
      status,
      url: `${deps.config.publicUrl}/i/${token}`,
      expiresAt: row.expiresAt,
      completedAt: row.completedAt,
    },
  ]);
  return invitation!;
}
