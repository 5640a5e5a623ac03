import type { InvitationStatus, QueueItem, User } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { visibleStatus } from '../invitations/invitation-status.js';
import { signedMediaUrl } from '../takes/media-urls.js';
import { latestTakes } from './latest-takes.js';
import { candidateRef, labelNumbersOf } from './pseudonyms.js';
import { reviewSettingsOf } from './rubric.js';
import { canSeeOthers } from './sealed.js';

export interface QueueFilter {
  interviewId?: string;
  /** Invitation status; the queue shows completed interviews unless asked otherwise. */
  status?: InvitationStatus;
}

/**
 * Candidates to review, those still waiting for my ratings first, oldest completion first.
 * Blind interviews show pseudonyms; `ratingCount` counts only ratings I may see (sealed).
 */
export async function reviewQueue(
  deps: Deps,
  reviewer: User,
  filter: QueueFilter,
): Promise<QueueItem[]> {
  const wanted = filter.status ?? 'completed';
  let query = deps.db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .select([
      'invitations.id',
      'invitations.interviewId',
      'invitations.status',
      'invitations.expiresAt',
      'invitations.completedAt',
      'invitations.reference',
      'interviews.deadline',
      'interviews.reviewSettings',
      'candidates.id as candidateId',
      'candidates.name',
      'candidates.email',
    ]);
  if (filter.interviewId) query = query.where('invitations.interviewId', '=', filter.interviewId);
  // `expired` is derived from dates, so that filter is applied after loading.
  if (wanted === 'completed' || wanted === 'invited')
    query = query.where('invitations.status', '=', wanted);
  const now = deps.now();
  const invitations = (await query.execute()).filter(
    (i) =>
      visibleStatus(i, i.deadline, now) === wanted &&
      // Reference (calibration) answers join the queue only where the interview seeds them.
      (Number(i.reference) === 0 || reviewSettingsOf(i).calibration === 'seeded'),
  );
  if (invitations.length === 0) return [];

  const ids = invitations.map((i) => i.id);
  const labels = await labelNumbersOf(deps.db, ids);
  const answers = await latestTakes(deps.db, { invitationIds: ids });
  const ratings = answers.length
    ? await deps.db
        .selectFrom('ratings')
        .select(['answerId', 'reviewerId'])
        .where(
          'answerId',
          'in',
          answers.map((a) => a.id),
        )
        .execute()
    : [];
  const countOf = new Map<string, number>();
  const ratedByMe = new Set<string>();
  for (const r of ratings) {
    countOf.set(r.answerId, (countOf.get(r.answerId) ?? 0) + 1);
    if (r.reviewerId === reviewer.id) ratedByMe.add(r.answerId);
  }

  const items = await Promise.all(
    invitations.map(async (inv): Promise<QueueItem> => {
      const settings = reviewSettingsOf(inv);
      const mine = answers.filter((a) => a.invitationId === inv.id);
      const playable = mine.filter((a) => a.status === 'ready');
      const visibleCount = mine.reduce((sum, a) => {
        const count = countOf.get(a.id) ?? 0;
        const seen = canSeeOthers(reviewer, ratedByMe.has(a.id), count, settings.ratingsRequired);
        return sum + (seen ? count : 0);
      }, 0);
      return {
        invitationId: inv.id,
        interviewId: inv.interviewId,
        candidate: candidateRef(
          {
            id: inv.candidateId,
            name: inv.name,
            email: inv.email,
            labelNumber: labels.get(inv.id),
          },
          settings.blind || Number(inv.reference) === 1,
        ),
        completedAt: inv.completedAt,
        answers: await Promise.all(
          mine.map(async (a) => ({
            id: a.id,
            questionId: a.questionId,
            status: a.status,
            durationMs: a.durationMs,
            // Audio first keeps faces out of the list too until I have rated the answer.
            posterUrl:
              a.status === 'ready' && (!settings.hideVideoUntilRated || ratedByMe.has(a.id))
                ? await signedMediaUrl(deps.storage, a.posterKey)
                : null,
          })),
        ),
        // Rated by me: every playable answer has my score (failed ones cannot be rated).
        myRated: playable.length > 0 && playable.every((a) => ratedByMe.has(a.id)),
        ratingCount: visibleCount,
      };
    }),
  );
  return items.sort(
    (a, b) =>
      Number(a.myRated) - Number(b.myRated) ||
      (a.completedAt ?? '').localeCompare(b.completedAt ?? ''),
  );
}
