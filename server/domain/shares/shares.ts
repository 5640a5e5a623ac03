import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CreateShareRequest, Share } from '../../contracts/sharing.js';
import type { Deps } from '../../deps.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { staffActor } from '../actor.js';

const DAY_MS = 24 * 3600 * 1000;

/** 256 random bits, URL-safe: the secret in a share link. Only its digest is stored. */
export function newShareToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(`share:${token}`).digest('hex');
}

export function looksLikeShareToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * POST /invitations/:id/shares: a hiring manager's link to one completed candidate. The token
 * is answered once, in `url`, and never stored or logged.
 */
export async function createShare(
  deps: Deps,
  creator: { id: string },
  invitationId: string,
  input: z.output<typeof CreateShareRequest>,
): Promise<Share> {
  const invitation = await deps.db
    .selectFrom('invitations')
    .select(['id', 'status'])
    .where('id', '=', invitationId)
    .where('erasingAt', 'is', null)
    .executeTakeFirst();
  if (!invitation) throw new NotFoundError('There is no such invitation.');
  if (invitation.status !== 'completed') {
    throw new ConflictError(
      'not_completed',
      'A candidate can be shared once they have finished the interview.',
    );
  }
  const token = newShareToken();
  const now = deps.now();
  const row = {
    id: newId(),
    invitationId,
    tokenHash: hashShareToken(token),
    recipientName: input.recipientName,
    expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
    showName: input.showName ? 1 : 0,
    allowRating: input.allowRating ? 1 : 0,
    createdBy: creator.id,
    createdAt: now.toISOString(),
    lastOpenedAt: null,
    revokedAt: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('shares').values(row).execute();
    await deps.audit.recordInTransaction(trx, {
      actor: staffActor(creator),
      action: 'share.created',
      target: { type: 'share', id: row.id },
      invitationId,
    });
  });
  const [share] = await sharesOf(deps, { shareId: row.id });
  return { ...share!, url: `${deps.config.publicUrl}/s/${token}` };
}

/** GET /invitations/:id/shares: every share of a candidate, newest first, revoked ones left out. */
export function listShares(deps: Deps, invitationId: string): Promise<Share[]> {
  return sharesOf(deps, { invitationId });
}

async function sharesOf(
  deps: Deps,
  scope: { invitationId?: string; shareId?: string },
): Promise<Share[]> {
  let query = deps.db
    .selectFrom('shares')
    .innerJoin('users', 'users.id', 'shares.createdBy')
    .select([
      'shares.id',
      'shares.recipientName',
      'shares.expiresAt',
      'shares.showName',
      'shares.allowRating',
      'shares.opens',
      'shares.lastOpenedAt',
      'users.id as creatorId',
      'users.name as creatorName',
    ])
    .where('shares.revokedAt', 'is', null)
    .orderBy('shares.createdAt', 'desc')
    .orderBy('shares.id', 'desc');
  if (scope.invitationId) query = query.where('shares.invitationId', '=', scope.invitationId);
  if (scope.shareId) query = query.where('shares.id', '=', scope.shareId);
  return (await query.execute()).map((r) => ({
    id: r.id,
    recipientName: r.recipientName,
    expiresAt: r.expiresAt,
    showName: Number(r.showName) === 1,
    allowRating: Number(r.allowRating) === 1,
    createdBy: { id: r.creatorId, name: r.creatorName },
    opens: Number(r.opens),
    lastOpenedAt: r.lastOpenedAt,
  }));
}

/**
 * DELETE /shares/:id: the link's API answers 404 from the next request on, in every process,
 * because every guest request reads the share row (no cache anywhere).
 */
export async function revokeShare(deps: Deps, revoker: { id: string }, shareId: string) {
  const revoked = await deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('shares')
      .set({ revokedAt: deps.now().toISOString() })
      .where('id', '=', shareId)
      .where('revokedAt', 'is', null)
      .returning('invitationId')
      .executeTakeFirst();
    if (!result) return false;
    await deps.audit.recordInTransaction(trx, {
      actor: staffActor(revoker),
      action: 'share.revoked',
      target: { type: 'share', id: shareId },
      invitationId: result.invitationId,
    });
    return true;
  });
  if (!revoked) throw new NotFoundError('There is no such share.');
}
