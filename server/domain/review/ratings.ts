import type { Rating, User } from '../../contracts/api.js';
import { EVIDENCE_MIN_CHARS } from '../../contracts/review.js';
import type { Deps } from '../../deps.js';
import { ConflictError, InputError } from '../../errors.js';
import { newId } from '../../ids.js';
import { staffActor } from '../actor.js';
import { emitWebhookEvent } from '../webhooks/outbox.js';
import { answerContext } from './answer-context.js';
import { canSeeOthers } from './sealed.js';
import { sawColleagueRating } from './sightings.js';

/**
 * One rating per reviewer and answer; a second call updates it. Sealed-rating bookkeeping: the
 * moment colleagues' scores become visible to a rater is recorded with their score then
 * (`firstScore`), and a later change of score marks the rating `revisedAfterReveal`.
 * Audited (`rating.saved`) in the same transaction.
 */
export async function rateAnswer(
  deps: Deps,
  reviewer: User,
  answerId: string,
  input: { score: number; comment: string },
): Promise<Rating> {
  const { answer, settings, interviewId } = await answerContext(deps, answerId);
  if (settings.evidenceRequired && input.comment.trim().length < EVIDENCE_MIN_CHARS) {
    throw new InputError(
      `This interview asks for evidence: say in at least ${EVIDENCE_MIN_CHARS} characters what in the answer supports the score.`,
      [{ path: 'comment', message: `needs at least ${EVIDENCE_MIN_CHARS} characters of evidence` }],
    );
  }
  if (answer.status !== 'ready') {
    throw new ConflictError(
      'answer_not_ready',
      'This answer cannot be rated until its video is ready.',
    );
  }
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    // On PostgreSQL, saves of one answer's ratings take turns, so that each sees the others
    // (SQLite runs one write transaction at a time anyway, and does not know FOR UPDATE).
    await trx
      .selectFrom('answers')
      .select('id')
      .where('id', '=', answerId)
      .$if(deps.config.databaseUrl !== null, (q) => q.forUpdate())
      .execute();
    const ratings = await trx
      .selectFrom('ratings')
      .selectAll()
      .where('answerId', '=', answerId)
      .execute();
    const mine = ratings.find((r) => r.reviewerId === reviewer.id);
    const ratingId = mine?.id ?? newId();
    const othersExist = ratings.some((r) => r.reviewerId !== reviewer.id);
    // Seen by any route: this answer's ratings (sealed), or every rating of the interview in
    // its results, reliability or CSV (sightings.ts).
    const visibleBefore =
      othersExist &&
      (canSeeOthers(reviewer, mine !== undefined, ratings.length, settings.ratingsRequired) ||
        (await sawColleagueRating(trx, reviewer.id, interviewId, answerId)));
    if (mine) {
      const revealed = mine.revealedAt != null || visibleBefore;
      await trx
        .updateTable('ratings')
        .set({
          score: input.score,
          comment: input.comment,
          updatedAt: now,
          revealedAt: mine.revealedAt ?? (visibleBefore ? now : null),
          firstScore: mine.firstScore ?? (visibleBefore ? mine.score : null),
          revisedAfterReveal:
            mine.revisedAfterReveal || (revealed && input.score !== mine.score) ? 1 : 0,
        })
        .where('id', '=', mine.id)
        .execute();
    } else {
      await trx
        .insertInto('ratings')
        .values({
          id: ratingId,
          answerId,
          reviewerId: reviewer.id,
          score: input.score,
          comment: input.comment,
          createdAt: now,
          updatedAt: now,
          // An organiser who could already see colleagues' scores did not rate blind.
          revealedAt: visibleBefore ? now : null,
          firstScore: visibleBefore ? input.score : null,
          firstBlind: visibleBefore ? 0 : 1,
        })
        .execute();
    }
    // Every rater of an answer rated by two or more now sees the others: their score stands
    // as their first.
    if (ratings.length + (mine ? 0 : 1) >= 2) {
      await trx
        .updateTable('ratings')
        .set((eb) => ({ revealedAt: now, firstScore: eb.ref('score') }))
        .where('answerId', '=', answerId)
        .where('revealedAt', 'is', null)
        .execute();
    }
    await deps.audit.recordInTransaction(trx, {
      actor: staffActor(reviewer),
      action: 'rating.saved',
      target: { type: 'rating', id: ratingId },
      invitationId: answer.invitationId,
    });
    // In the same transaction: the event exists if and only if the rating does.
    await emitWebhookEvent(deps, 'rating.saved', { answerId, ratingId }, trx);
  });
  const [rating] = await ratingsOf(deps, answerId, reviewer.id);
  return rating!;
}

/**
 * Ratings of an answer, sealed: nobody sees colleagues' ratings until they have rated it
 * themselves, so others' scores cannot anchor them; organisers also once the answer holds the
 * interview's `ratingsRequired` ratings.
 */
export async function listRatings(deps: Deps, viewer: User, answerId: string): Promise<Rating[]> {
  const { settings } = await answerContext(deps, answerId);
  const all = await ratingsOf(deps, answerId);
  const mine = all.some((r) => r.reviewer.id === viewer.id);
  return canSeeOthers(viewer, mine, all.length, settings.ratingsRequired) ? all : [];
}

async function ratingsOf(deps: Deps, answerId: string, reviewerId?: string): Promise<Rating[]> {
  let query = deps.db
    .selectFrom('ratings')
    .innerJoin('users', 'users.id', 'ratings.reviewerId')
    .select([
      'ratings.id',
      'ratings.answerId',
      'ratings.score',
      'ratings.comment',
      'ratings.updatedAt',
      'ratings.firstScore',
      'ratings.revisedAfterReveal',
      'ratings.firstBlind',
      'users.id as userId',
      'users.name',
    ])
    .where('ratings.answerId', '=', answerId)
    .orderBy('ratings.createdAt')
    .orderBy('ratings.id');
  if (reviewerId) query = query.where('ratings.reviewerId', '=', reviewerId);
  return (await query.execute()).map((r) => ({
    id: r.id,
    answerId: r.answerId,
    reviewer: { id: r.userId, name: r.name },
    score: r.score,
    comment: r.comment,
    updatedAt: r.updatedAt,
    // A rating given after its rater could see a colleague's score has no independent first.
    firstScore: r.firstBlind === 0 ? null : (r.firstScore ?? r.score),
    revisedAfterReveal: Boolean(r.revisedAfterReveal),
    independent: r.firstBlind !== 0,
  }));
}
