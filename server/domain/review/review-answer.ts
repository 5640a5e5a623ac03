import type { AnswerForReview, User } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { staffActor } from '../actor.js';
import { signedMediaUrl } from '../takes/media-urls.js';
import { answerContext } from './answer-context.js';
import { candidateRef } from './pseudonyms.js';

/**
 * An answer to review. Audio first: while the interview hides video until rated, a caller who
 * has not rated this answer gets its audio only, neither the video nor the poster (a face is
 * what audio first keeps out of the first impression). Blind interviews show a pseudonym.
 * A read: `answer.viewed` goes to the batched trail, without delaying the answer.
 */
export async function answerForReview(
  deps: Deps,
  viewer: User,
  answerId: string,
): Promise<AnswerForReview> {
  const { answer, settings, candidate } = await answerContext(deps, answerId);
  void deps.audit.record({
    actor: staffActor(viewer),
    action: 'answer.viewed',
    target: { type: 'answer', id: answer.id },
    invitationId: answer.invitationId,
  });
  const playable = answer.status === 'ready';
  const pictureShown =
    playable && (!settings.hideVideoUntilRated || (await hasRated(deps, viewer, answerId)));
  return {
    id: answer.id,
    invitationId: answer.invitationId,
    questionId: answer.questionId,
    status: answer.status as AnswerForReview['status'],
    durationMs: answer.durationMs,
    width: answer.width,
    height: answer.height,
    videoUrl: pictureShown ? await signedMediaUrl(deps.storage, answer.videoKey) : null,
    audioUrl: playable ? await signedMediaUrl(deps.storage, answer.audioKey) : null,
    posterUrl: pictureShown ? await signedMediaUrl(deps.storage, answer.posterKey) : null,
    error: answer.error,
    candidate: candidateRef(candidate, settings.blind),
  };
}

async function hasRated(deps: Deps, viewer: User, answerId: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('ratings')
    .select('id')
    .where('answerId', '=', answerId)
    .where('reviewerId', '=', viewer.id)
    .executeTakeFirst();
  return row !== undefined;
}
