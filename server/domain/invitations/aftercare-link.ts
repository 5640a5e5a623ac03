import { hashCandidateToken, newCandidateToken } from '../../auth/candidate-tokens.js';
import { interviewTitleIn } from '../../contracts/translations.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../actor.js';
import { queueEmail } from '../email/outbox.js';
import { addExtraLink, revokeExtraLinks } from './extra-links.js';

/**
 * Issue 21: a finished (or expired) candidate who lost their link would never read their
 * feedback. Staff may give them a new one that opens their feedback, export and erasure only
 * (http/auth.ts refuses it everywhere else, even if the deadline is later moved). Like every
 * re-issue it leaves exactly one working link: the main link is replaced by a digest nobody
 * holds, and earlier extra links go. Audited (`invitation.link_reissued`) in the same
 * transaction; with email on the link is mailed and the message id answered.
 */
export async function issueAftercareLink(
  deps: Deps,
  invitation: {
    id: string;
    email: string;
    name: string;
    language: 'en' | 'fr';
    title: string;
    translations?: unknown;
  },
  actor: Actor,
  emailed: boolean,
): Promise<{ url: string; messageId: string | null }> {
  const now = deps.now();
  const issuedBy = emailed || actor.type === 'system' ? null : actor.id;
  const token = newCandidateToken();
  const url = `${deps.config.publicUrl}/i/${token}`;
  const messageId = await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('invitations')
      .set({ tokenHash: hashCandidateToken(newCandidateToken()), linkIssuedBy: null })
      .where('id', '=', invitation.id)
      .execute();
    await revokeExtraLinks(trx, invitation.id);
    await addExtraLink(trx, invitation.id, now, token, { scope: 'aftercare', issuedBy });
    await deps.audit.recordInTransaction(trx, {
      actor,
      action: 'invitation.link_reissued',
      target: { type: 'invitation', id: invitation.id },
      invitationId: invitation.id,
    });
    if (!emailed) return null;
    return queueEmail(
      trx,
      {
        invitationId: invitation.id,
        kind: 'aftercare',
        to: invitation.email,
        language: invitation.language,
        vars: {
          name: invitation.name,
          interviewTitle: interviewTitleIn(invitation, invitation.language),
          url,
        },
      },
      now,
    );
  });
  return { url, messageId };
}
