import { hashCandidateToken, newCandidateToken } from '../../auth/candidate-tokens.js';
import type { Invitation } from '../../contracts/api.js';
import { interviewTitleIn } from '../../contracts/translations.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import type { Actor } from '../actor.js';
import { dispatchEmails, emailEnabled, queueEmail } from '../email/outbox.js';
import { withReviewFields } from '../review/pseudonyms.js';
import { issueAftercareLink } from './aftercare-link.js';
import { revokeExtraLinks } from './extra-links.js';
import { visibleStatus } from './invitation-status.js';

/**
 * A new link for an invitation whose link was lost: only a digest of the token is stored, so the
 * old link cannot be shown again. The new token replaces the old one and every link emailed
 * since, which stop working at once (a link sent to a wrong address is revoked this way too).
 * Answers already recorded stay. Audited (`invitation.link_reissued`) in the same transaction.
 */
export type ReissuedLink = { sent: true } | { sent: false; invitation: Invitation };

/**
 * With email on, the new link goes to the candidate only (API.md "Teams": staff never hold a
 * candidate's link); with email off it is answered, and the staff member is remembered so that
 * what is done through it is audited as done through a staff-held link.
 */
export async function reissueLink(
  deps: Deps,
  invitationId: string,
  actor: Actor,
): Promise<ReissuedLink> {
  const emailed = emailEnabled(deps);
  const issuedBy = actor.type === 'system' ? null : actor.id;
  const row = await deps.db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .select([
      'invitations.id',
      'invitations.status',
      'invitations.expiresAt',
      'invitations.completedAt',
      'invitations.language',
      'interviews.deadline',
      'interviews.title',
      'interviews.translations',
      'candidates.id as candidateId',
      'candidates.name',
      'candidates.email',
    ])
    .where('invitations.id', '=', invitationId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such invitation.');
  const status = visibleStatus(row, row.deadline, deps.now());
  // Finished or closed: a link for feedback, export and erasure only (issue 21).
  const aftercare =
    status === 'completed' || status === 'expired'
      ? await issueAftercareLink(deps, row, actor, emailed)
      : null;
  if (aftercare) {
    dispatchEmails(deps, [aftercare.messageId]);
    return emailed
      ? { sent: true }
      : { sent: false, invitation: await shown(deps, row, status, aftercare.url) };
  }

  const token = newCandidateToken();
  const url = `${deps.config.publicUrl}/i/${token}`;
  const replaced = await deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('invitations')
      .set({ tokenHash: hashCandidateToken(token), linkIssuedBy: emailed ? null : issuedBy })
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
    if (!emailed) return true;
    const messageId = await queueEmail(
      trx,
      {
        invitationId,
        kind: 'invitation',
        to: row.email,
        language: row.language,
        vars: {
          name: row.name,
          interviewTitle: interviewTitleIn(row, row.language),
          url,
          closesAt: row.expiresAt,
        },
      },
      deps.now(),
    );
    return messageId ?? true;
  });
  if (!replaced) return reissueLink(deps, invitationId, actor); // finished meanwhile
  if (typeof replaced === 'string') dispatchEmails(deps, [replaced]);
  if (emailed) return { sent: true };
  return { sent: false, invitation: await shown(deps, row, status, url) };
}

async function shown(
  deps: Deps,
  row: {
    id: string;
    candidateId: string;
    name: string;
    email: string;
    expiresAt: string;
    completedAt: string | null;
  },
  status: Invitation['status'],
  url: string,
): Promise<Invitation> {
  const [invitation] = await withReviewFields(deps, [
    {
      id: row.id,
      candidate: { id: row.candidateId, name: row.name, email: row.email },
      status,
      url,
      expiresAt: row.expiresAt,
      completedAt: row.completedAt,
    },
  ]);
  return invitation!;
}
