import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { GuestRatingItem, GuestRatingRequest, GuestSession } from '../../contracts/sharing.js';
import type { SharesTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { latestTakes } from '../review/latest-takes.js';
import { labelNumbersOf, labelOf } from '../review/pseudonyms.js';
import { competenciesOf, questionOf } from '../review/rubric.js';
import { signedMediaUrl } from '../takes/media-urls.js';
import { hashShareToken, looksLikeShareToken } from './shares.js';

/** The share a guest's token opens, read from the database on every request. */
export type OpenShare = Selectable<SharesTable>;

/**
 * The share behind a token, or null when there is none, it was revoked, it expired, or its
 * candidate is (being) erased. No cache: a revocation holds from the next request, everywhere.
 */
export async function shareForToken(deps: Deps, token: string | null): Promise<OpenShare | null> {
  if (!token || !looksLikeShareToken(token)) return null;
  const row = await deps.db
    .selectFrom('shares')
    .innerJoin('invitations', 'invitations.id', 'shares.invitationId')
    .selectAll('shares')
    .where('shares.tokenHash', '=', hashShareToken(token))
    .where('shares.revokedAt', 'is', null)
    .where('shares.expiresAt', '>', deps.now().toISOString())
    .where('invitations.erasingAt', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

class RatingNotAllowedError extends AppError {
  constructor() {
    super(403, 'forbidden', 'This link does not ask for ratings.');
  }
}

/**
 * GET /guest/session: one candidate's latest submitted take per question with the rubric, and
 * nothing else (no email, eligibility, staff ratings, decision or notes). Counts as an open.
 */
export async function guestSession(deps: Deps, share: OpenShare): Promise<GuestSession> {
  const now = deps.now().toISOString();
  await deps.db
    .updateTable('shares')
    .set((eb) => ({ opens: eb('opens', '+', 1), lastOpenedAt: now }))
    .where('id', '=', share.id)
    .execute();
  await deps.audit.record({
    actor: { type: 'guest', id: share.id, name: share.recipientName },
    action: 'share.opened',
    target: { type: 'share', id: share.id },
    invitationId: share.invitationId,
  });
  const invitation = await deps.db
    .selectFrom('invitations')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .select(['interviews.id as interviewId', 'interviews.title', 'interviews.competencies'])
    .select('candidates.name')
    .where('invitations.id', '=', share.invitationId)
    .executeTakeFirst();
  if (!invitation) throw new NotFoundError('This link is no longer valid.');
  const [labels, takes, questions, mine] = await Promise.all([
    labelNumbersOf(deps.db, [share.invitationId]),
    latestTakes(deps.db, { invitationIds: [share.invitationId] }),
    deps.db
      .selectFrom('questions')
      .selectAll()
      .where('interviewId', '=', invitation.interviewId)
      .execute(),
    deps.db
      .selectFrom('guestRatings')
      .select(['answerId', 'score', 'comment'])
      .where('shareId', '=', share.id)
      .execute(),
  ]);
  const questionById = new Map(questions.map((q) => [q.id, questionOf(q)]));
  const myRating = new Map(mine.map((r) => [r.answerId, { score: r.score, comment: r.comment }]));
  const label = labelOf(labels.get(share.invitationId));
  return {
    interview: { title: invitation.title, competencies: competenciesOf(invitation) },
    candidate: Number(share.showName) === 1 ? { label, name: invitation.name } : { label },
    recipientName: share.recipientName,
    allowRating: Number(share.allowRating) === 1,
    answers: await Promise.all(
      takes.map(async (take) => {
        const q = questionById.get(take.questionId)!;
        const ready = take.status === 'ready';
        return {
          answerId: take.id,
          question: {
            prompt: q.prompt,
            competency: q.competency ?? null,
            guidance: q.guidance ?? '',
            anchors: q.anchors ?? {},
          },
          durationMs: take.durationMs,
          videoUrl: ready ? await signedMediaUrl(deps.storage, take.videoKey) : null,
          posterUrl: ready ? await signedMediaUrl(deps.storage, take.posterKey) : null,
          myRating: myRating.get(take.id) ?? null,
        };
      }),
    ),
  };
}

/** PUT /guest/answers/:answerId/rating: the guest's score, kept apart from staff ratings. */
export async function rateAsGuest(
  deps: Deps,
  share: OpenShare,
  answerId: string,
  input: z.output<typeof GuestRatingRequest>,
): Promise<{ score: number; comment: string }> {
  if (Number(share.allowRating) !== 1) throw new RatingNotAllowedError();
  const takes = await latestTakes(deps.db, { invitationIds: [share.invitationId] });
  const take = takes.find((t) => t.id === answerId && t.status === 'ready');
  if (!take) throw new NotFoundError('There is no such answer to rate.');
  const updatedAt = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('guestRatings')
      .values({
        id: newId(),
        shareId: share.id,
        answerId,
        invitationId: share.invitationId,
        score: input.score,
        comment: input.comment,
        updatedAt,
      })
      .onConflict((oc) =>
        oc
          .columns(['shareId', 'answerId'])
          .doUpdateSet({ score: input.score, comment: input.comment, updatedAt }),
      )
      .execute();
    await deps.audit.recordInTransaction(trx, {
      actor: { type: 'guest', id: share.id, name: share.recipientName },
      action: 'guest_rating.saved',
      target: { type: 'answer', id: answerId },
      invitationId: share.invitationId,
    });
  });
  return { score: input.score, comment: input.comment };
}

/** GET /invitations/:id/guest-ratings: every guest's scores of a candidate, for organisers. */
export async function guestRatingsOf(deps: Deps, invitationId: string): Promise<GuestRatingItem[]> {
  const rows = await deps.db
    .selectFrom('guestRatings')
    .innerJoin('shares', 'shares.id', 'guestRatings.shareId')
    .select([
      'guestRatings.shareId',
      'shares.recipientName',
      'guestRatings.answerId',
      'guestRatings.score',
      'guestRatings.comment',
      'guestRatings.updatedAt',
    ])
    .where('guestRatings.invitationId', '=', invitationId)
    .orderBy('guestRatings.updatedAt')
    .orderBy('guestRatings.id')
    .execute();
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}
