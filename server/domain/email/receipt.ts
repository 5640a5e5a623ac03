import { interviewTitleIn } from '../../contracts/translations.js';
import type { Deps } from '../../deps.js';
import { dispatchEmails, emailEnabled, queueEmail } from './outbox.js';

/** The receipt a candidate gets on finishing (once: keyed by the invitation). */
export async function sendReceipt(deps: Deps, invitationId: string): Promise<void> {
  if (!emailEnabled(deps)) return;
  const row = await deps.db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .select([
      'invitations.language',
      'candidates.name',
      'candidates.email',
      'interviews.title',
      'interviews.translations',
    ])
    .where('invitations.id', '=', invitationId)
    .executeTakeFirst();
  if (!row) return;
  const messageId = await queueEmail(
    deps.db,
    {
      invitationId,
      kind: 'receipt',
      to: row.email,
      language: row.language,
      dedupeKey: `receipt:${invitationId}`,
      vars: { name: row.name, interviewTitle: interviewTitleIn(row, row.language) },
    },
    deps.now(),
  );
  dispatchEmails(deps, [messageId]);
}
