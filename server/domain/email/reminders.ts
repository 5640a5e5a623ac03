import { newCandidateToken } from '../../auth/candidate-tokens.js';
import { interviewTitleIn } from '../../contracts/translations.js';
import type { Deps } from '../../deps.js';
import { addExtraLink } from '../invitations/extra-links.js';
import { closesAt } from '../invitations/invitation-status.js';
import { dispatchEmails, emailEnabled, queueEmail } from './outbox.js';

const BATCH = 500;

/**
 * One reminder per unfinished invitation, REMINDER_HOURS before it closes (also for one created
 * inside that window). "Once" is the unique key `reminder:<invitation>` of the outbox, so
 * several processes may sweep at the same time. A candidate who never opened their link gets a
 * fresh one beside the first, which keeps working (only digests are kept, so the first cannot
 * be sent again); one
 * who started is pointed to the link they already use, which keeps working.
 */
export async function sendDueReminders(deps: Deps): Promise<number> {
  if (!emailEnabled(deps)) return 0;
  const now = deps.now();
  const nowIso = now.toISOString();
  const horizon = new Date(now.getTime() + deps.config.reminderHours * 3600_000).toISOString();
  const due = await deps.db
    .selectFrom('invitations')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .select([
      'invitations.id',
      'invitations.status',
      'invitations.expiresAt',
      'invitations.language',
      'interviews.deadline',
      'interviews.title',
      'interviews.translations',
      'candidates.name',
      'candidates.email',
    ])
    .where('invitations.status', 'in', ['invited', 'started'])
    .where((eb) =>
      eb.or([eb('invitations.expiresAt', '<=', horizon), eb('interviews.deadline', '<=', horizon)]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('emailOutbox')
            .select('emailOutbox.id')
            .whereRef('emailOutbox.invitationId', '=', 'invitations.id')
            .where('emailOutbox.kind', '=', 'reminder'),
        ),
      ),
    )
    .limit(BATCH)
    .execute();

  const messageIds: string[] = [];
  for (const invitation of due) {
    const closing = closesAt(invitation, invitation.deadline);
    if (closing <= nowIso || closing > horizon) continue;
    const id = await deps.db.transaction().execute(async (trx) => {
      const token = invitation.status === 'invited' ? newCandidateToken() : null;
      const messageId = await queueEmail(
        trx,
        {
          invitationId: invitation.id,
          kind: 'reminder',
          to: invitation.email,
          language: invitation.language,
          dedupeKey: `reminder:${invitation.id}`,
          vars: {
            name: invitation.name,
            interviewTitle: interviewTitleIn(invitation, invitation.language),
            closesAt: closing,
            ...(token ? { url: `${deps.config.publicUrl}/i/${token}` } : {}),
          },
        },
        now,
      );
      // Another process sent this reminder already: change nothing.
      // The reminder's link is added beside the first one, which keeps working.
      if (messageId && token) {
        await addExtraLink(trx, invitation.id, now, token);
      }
      return messageId;
    });
    if (id) messageIds.push(id);
  }
  dispatchEmails(deps, messageIds);
  return messageIds.length;
}
