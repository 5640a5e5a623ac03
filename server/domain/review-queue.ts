import type { InvitationStatus, QueueItem, User } from '../contracts/api.js';
import type { AnswersTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { visibleStatus } from './invitation-status.js';
import { signedMediaUrl } from './media-urls.js';

export interface QueueFilter {
  interviewId?: string;
  /** Invitation status; the queue shows completed interviews unless asked otherwise. */
  status?: InvitationStatus;
}

const SUBMITTED = ['processing', 'ready', 'failed'] as const;

/** Candidates to review, those still waiting for my ratings first, oldest completion first. */
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
      'interviews.deadline',
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
    (i) => visibleStatus(i, i.deadline, now) === wanted,
  );
  if (invitations.length === 0) return [];

  const answers = await latestSubmittedAnswers(
    deps,
    invitations.map((i) => i.id),
  );
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

  const items = await Promise.all(
    invitations.map(async (inv): Promise<QueueItem> => {
      const mine = answers.filter((a) => a.invitationId === inv.id);
      const ids = new Set(mine.map((a) => a.id));
      const theirRatings = ratings.filter((r) => ids.has(r.answerId));
      const ratedByMe = new Set(
        theirRatings.filter((r) => r.reviewerId === reviewer.id).map((r) => r.answerId),
      );
      const playable = mine.filter((a) => a.status === 'ready');
      return {
        invitationId: inv.id,
        interviewId: inv.interviewId,
        candidate: { id: inv.candidateId, name: inv.name, email: inv.email },
        completedAt: inv.completedAt,
        answers: await Promise.all(
          mine.map(async (a) => ({
            id: a.id,
            questionId: a.questionId,
            status: a.status,
            durationMs: a.durationMs,
            posterUrl:
              a.status === 'ready' ? await signedMediaUrl(deps.storage, a.posterKey) : null,
          })),
        ),
        // Rated by me: every playable answer has my score (failed ones cannot be rated).
        myRated: playable.length > 0 && playable.every((a) => ratedByMe.has(a.id)),
        ratingCount: theirRatings.length,
      };
    }),
  );
  return items.sort(
    (a, b) =>
      Number(a.myRated) - Number(b.myRated) ||
      (a.completedAt ?? '').localeCompare(b.completedAt ?? ''),
  );
}

/** Per invitation and question, the latest submitted take (the one reviewed), in question order. */
async function latestSubmittedAnswers(
  deps: Deps,
  invitationIds: string[],
): Promise<(AnswersTable & { position: number })[]> {
  const rows = await deps.db
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.questionId')
    .selectAll('answers')
    .select('questions.position')
    .where('answers.invitationId', 'in', invitationIds)
    .where('answers.status', 'in', SUBMITTED)
    .orderBy('questions.position')
    .orderBy('answers.attempt', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const slot = `${r.invitationId}/${r.questionId}`;
    if (seen.has(slot)) return false;
    seen.add(slot);
    return true;
  });
}
