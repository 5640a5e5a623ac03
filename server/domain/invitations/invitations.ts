import type { z } from 'zod';
import { hashCandidateToken, newCandidateToken } from '../../auth/candidate-tokens.js';
import type { CreateInvitationsRequest, Invitation } from '../../contracts/api.js';
import type { SkippedDuplicate } from '../../contracts/programmes.js';
import type { Deps } from '../../deps.js';
import { newId } from '../../ids.js';
import { dispatchEmails, emailEnabled } from '../email/outbox.js';
import { getInterview } from '../interviews/interviews.js';
import { queueInvitationEmails, splitDuplicates } from '../programmes/invitation-emails.js';
import { programmeFieldsOf } from '../programmes/invitation-fields.js';
import { withReviewFields } from '../review/pseudonyms.js';
import { emitWebhookEvent } from '../webhooks/outbox.js';
import { citiesOf } from './invitation-cities.js';
import { visibleStatus } from './invitation-status.js';

type NewInvitations = z.output<typeof CreateInvitationsRequest>;

/** Without a deadline an invitation stays open this long. */
const DEFAULT_OPEN_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

/** When an invitation sent at `sentAt` closes: the deadline, or DEFAULT_OPEN_DAYS later. */
export function invitationExpiry(sentAt: Date, deadline: string | null): string {
  return deadline ?? new Date(sentAt.getTime() + DEFAULT_OPEN_DAYS * DAY_MS).toISOString();
}

/**
 * Invites the request's candidates, skipping emails already invited (issue 11) unless
 * `allowDuplicates`. The duplicate check and the inserts are one transaction that first locks
 * the interview's row, so two requests for the same email at the same instant cannot both pass
 * the check (on SQLite transactions are serial already).
 *
 * With email on (and `sendEmail` not false) each link goes to its candidate and the answer
 * carries none: staff never hold a candidate's link (API.md "Teams"). Otherwise the links are
 * answered, and `issuedBy` is remembered as who holds them (audited as `via`).
 */
export async function createInvitations(
  deps: Deps,
  interviewId: string,
  input: NewInvitations,
  issuedBy: string,
): Promise<{ items: Invitation[]; skipped: SkippedDuplicate[] }> {
  const emailed = emailEnabled(deps) && input.sendEmail !== false;
  const interview = await getInterview(deps.db, interviewId);
  const now = deps.now();
  const createdAt = now.toISOString();
  const usualExpiry = invitationExpiry(now, interview.deadline);
  const cities = await citiesOf(
    deps.db,
    interviewId,
    input.candidates,
    usualExpiry,
    interview.deadline,
    now,
  );
  const cityOf = new Map(input.candidates.map((c, i) => [c, cities[i]!]));
  let created: Created[] = [];
  let skipped: SkippedDuplicate[] = [];
  const messageIds = await deps.db.transaction().execute(async (trx) => {
    if (isPostgres(deps)) {
      await trx
        .selectFrom('interviews')
        .select('id')
        .where('id', '=', interviewId)
        .forUpdate()
        .execute();
    }
    const split = await splitDuplicates(trx, interviewId, input.candidates, input.allowDuplicates);
    skipped = split.skipped;
    // Nothing new and something skipped: nothing to write (an empty request still answers []).
    created = split.fresh.map((c) => ({
      token: newCandidateToken(),
      candidate: { id: newId(), name: c.name, email: c.email },
      invitationId: newId(),
      language: c.language ?? ('en' as const),
      locationKey: cityOf.get(c)?.locationKey ?? null,
      expiresAt: cityOf.get(c)?.expiresAt ?? usualExpiry,
    }));
    if (created.length === 0) return [];
    await trx
      .insertInto('candidates')
      .values(created.map((c) => ({ ...c.candidate, createdAt })))
      .execute();
    await trx
      .insertInto('invitations')
      .values(
        created.map((c) => ({
          id: c.invitationId,
          interviewId,
          candidateId: c.candidate.id,
          tokenHash: hashCandidateToken(c.token),
          status: 'invited' as const,
          expiresAt: c.expiresAt,
          startedAt: null,
          completedAt: null,
          createdAt,
          language: c.language,
          locationKey: c.locationKey,
          linkIssuedBy: emailed ? null : issuedBy,
        })),
      )
      .execute();
    const ids = created.map((c) => ({ interviewId, invitationId: c.invitationId }));
    await emitWebhookEvent(deps, 'invitation.created', ids, trx);
    return queueInvitationEmails(trx, deps, interview, created, input.sendEmail);
  });
  dispatchEmails(deps, messageIds);
  if (created.length === 0) return { items: [], skipped };
  // Colleagues' open pages gain the rows (and counts) without a reload (issue 21 item 7).
  for (const c of created)
    deps.events.publish('invitation-status', { invitationId: c.invitationId, status: 'invited' });
  const fields = await programmeFieldsOf(
    deps,
    interviewId,
    created.map((c) => c.invitationId),
  );
  const bare = created.map((c) => ({
    ...fields.get(c.invitationId),
    id: c.invitationId,
    candidate: c.candidate,
    status: visibleStatus({ status: 'invited', expiresAt: c.expiresAt }, interview.deadline, now),
    ...(emailed ? {} : { url: `${deps.config.publicUrl}/i/${c.token}` }),
    expiresAt: c.expiresAt,
    completedAt: null,
    reference: false,
  }));
  return { items: await withReviewFields(deps, bare), skipped };
}

interface Created {
  token: string;
  candidate: { id: string; name: string; email: string };
  invitationId: string;
  language: 'en' | 'fr';
  locationKey: string | null;
  expiresAt: string;
}

function isPostgres(deps: Deps): boolean {
  return deps.config.databaseUrl !== null;
}

export async function listInvitations(deps: Deps, interviewId: string): Promise<Invitation[]> {
  const interview = await getInterview(deps.db, interviewId);
  const rows = await deps.db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .select([
      'invitations.id',
      'invitations.status',
      'invitations.expiresAt',
      'invitations.completedAt',
      'invitations.reference',
      'candidates.id as candidateId',
      'candidates.name',
      'candidates.email',
    ])
    .where('invitations.interviewId', '=', interviewId)
    .orderBy('invitations.createdAt')
    .orderBy('invitations.id')
    .execute();
  const now = deps.now();
  const fields = await programmeFieldsOf(
    deps,
    interviewId,
    rows.map((r) => r.id),
  );
  const bare = rows.map((r) => ({
    ...fields.get(r.id),
    id: r.id,
    candidate: { id: r.candidateId, name: r.name, email: r.email },
    status: visibleStatus(r, interview.deadline, now),
    expiresAt: r.expiresAt,
    completedAt: r.completedAt,
    // Calibration (extension): a reference invitation counts nowhere but calibration.
    reference: Number(r.reference) === 1,
  }));
  return withReviewFields(deps, bare);
}
