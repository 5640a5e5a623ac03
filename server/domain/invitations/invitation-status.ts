import type { InvitationStatus } from '../../contracts/api.js';
import type { InvitationsTable } from '../../db/schema.js';

/** When an invitation stops accepting new work: its own expiry or the interview's deadline. */
export function closesAt(
  invitation: Pick<InvitationsTable, 'expiresAt'>,
  deadline: string | null,
): string {
  return deadline && deadline < invitation.expiresAt ? deadline : invitation.expiresAt;
}

/** The status shown to people: a stored one, or `expired` once closed without completion. */
export function visibleStatus(
  invitation: Pick<InvitationsTable, 'status' | 'expiresAt'>,
  deadline: string | null,
  now: Date,
): InvitationStatus {
  if (invitation.status === 'completed') return 'completed';
  return closesAt(invitation, deadline) <= now.toISOString() ? 'expired' : invitation.status;
}
