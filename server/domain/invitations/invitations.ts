import type { z } from 'zod';
import { hashCandidateToken, newCandidateToken } from '../../auth/candidate-tokens.js';
import type { CreateInvitationsRequest, Invitation } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { newId } from '../../ids.js';
import { dispatchEmails } from '../email/outbox.js';
import { getInterview } from '../interviews/interviews.js';
import { queueInvitationEmails } from '../programmes/invitation-emails.js';
import { programmeFieldsOf } from '../programmes/invitation-fields.js';
import { withReviewFields } from '../review/pseudonyms.js';
import { visibleStatus } from './invitation-status.js';

type NewInvitations = z.output<typeof CreateInvitationsRequest>;

/** Without a deadline an invitation stays open this long. */
const DEFAULT_OPEN_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

/** When an invitation sent at `sentAt` closes: the deadline, or DEFAULT_OPEN_DAYS later. */
export function invitationExpiry(sentAt: Date, deadline: string | null): string {
  return deadline ?? new Date(sentAt.getTime() + DEFAULT_OPEN_DAYS * DAY_MS).toISOString();
}

export async function createInvitations(
  deps: Deps,
  interviewId: string,
  input: NewInvitations,
): Promise<Invitation[]> {
  const interview = await getInterview(deps.db, interviewId);
  const now = deps.now();
  const createdAt = now.toISOString();
  const expiresAt = invitationExpiry(now, interview.deadline);
  const created = input.candidates.map((c) => ({
    token: newCandidateToken(),
    candidate: { id: newId(), name: c.name, email: c.email },
    invitationId: newId(),
    language: c.language ?? ('en' as const),
  }));
  const messageIds = await deps.db.transaction().execute(async (trx) => {
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
          expiresAt,
          startedAt: null,
          completedAt: null,
          createdAt,
          language: c.language,
        })),
      )
      .execute();
    return queueInvitationEmails(trx, deps, interview, expiresAt, created, input.sendEmail);
  });
  dispatchEmails(deps, messageIds);
  const fields = await programmeFieldsOf(
    deps,
    interviewId,
    created.map((c) => c.invitationId),
  );
  const bare = created.map((c) => ({
    ...fields.get(c.invitationId),
    id: c.invitationId,
    candidate: c.candidate,
    status: visibleStatus({ status: 'invited', expiresAt }, interview.deadline, now),
    url: `${deps.config.publicUrl}/i/${c.token}`,
    expiresAt,
    completedAt: null,
  }));
  return withReviewFields(deps, bare);
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
  }));
  return withReviewFields(deps, bare);
}
