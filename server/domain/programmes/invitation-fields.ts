import type { InvitationProgrammeFields } from '../../contracts/programmes.js';
import type { Deps } from '../../deps.js';
import { locationName, programmeOf } from './programme-settings.js';

/**
 * The issue-11 fields of invitations, for organisers: origin, duplicate mark, location,
 * language, extra time and the state of the latest email. One query each, whatever the count.
 */
export async function programmeFieldsOf(
  deps: Deps,
  interviewId: string,
  invitationIds: string[],
): Promise<Map<string, InvitationProgrammeFields>> {
  if (invitationIds.length === 0) return new Map();
  const settings = await programmeOf(deps.db, interviewId);
  const rows = await deps.db
    .selectFrom('invitations')
    .select(['id', 'source', 'duplicateOf', 'locationKey', 'language', 'extraTime'])
    .where('interviewId', '=', interviewId)
    .where('id', 'in', invitationIds)
    .execute();
  const emails = await deps.db
    .selectFrom('emailOutbox')
    .select(['invitationId', 'kind', 'status', 'lastError', 'updatedAt', 'createdAt'])
    .where('invitationId', 'in', invitationIds)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const latestEmail = new Map(emails.map((e) => [e.invitationId, e]));
  return new Map(
    rows.map((r) => {
      const email = latestEmail.get(r.id);
      return [
        r.id,
        {
          source: r.source,
          duplicateOf: r.duplicateOf,
          location: locationName(settings, r.locationKey),
          language: r.language,
          accommodations: { extraTime: Number(r.extraTime) === 1 },
          email: email
            ? {
                kind: email.kind as NonNullable<InvitationProgrammeFields['email']>['kind'],
                // "sending" is an instant inside a job: to people it is still on its way.
                status: email.status === 'sending' ? 'queued' : email.status,
                error: email.status === 'failed' ? email.lastError : null,
                updatedAt: email.updatedAt,
              }
            : null,
        },
      ];
    }),
  );
}
