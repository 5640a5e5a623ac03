import type { AnswerForReview } from '../contracts/api.js';
import type { Deps } from '../deps.js';
import { NotFoundError } from '../errors.js';
import { signedMediaUrl } from './media-urls.js';

export async function answerForReview(deps: Deps, answerId: string): Promise<AnswerForReview> {
  const row = await deps.db
    .selectFrom('answers')
    .selectAll()
    .where('id', '=', answerId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such answer.');
  const playable = row.status === 'ready';
  return {
    id: row.id,
    invitationId: row.invitationId,
    questionId: row.questionId,
    status: row.status,
    durationMs: row.durationMs,
    width: row.width,
    height: row.height,
    videoUrl: playable ? await signedMediaUrl(deps.storage, row.videoKey) : null,
    posterUrl: playable ? await signedMediaUrl(deps.storage, row.posterKey) : null,
    error: row.error,
  };
}
