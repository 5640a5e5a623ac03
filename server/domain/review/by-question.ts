import type { User } from '../../contracts/api.js';
import type { ByQuestionItem } from '../../contracts/review.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import { signedMediaUrl } from '../takes/media-urls.js';
import { latestTakes } from './latest-takes.js';
import { candidateRef, labelNumbersOf } from './pseudonyms.js';
import { reviewSettingsOf } from './rubric.js';
import { shuffleFor } from './shuffle.js';

/**
 * `live`: candidates, plus reference answers when the interview seeds them (unmarked);
 * `reference`: reference (calibration) answers only, for GET /review/calibration.
 */
export type ByQuestionMode = 'live' | 'reference';

/**
 * Every completed candidate's answer to one question (the latest submitted take), for rating
 * question by question: those I have not rated first, each group in my own stable shuffle.
 */
export async function answersByQuestion(
  deps: Deps,
  viewer: User,
  interviewId: string,
  questionId: string,
  mode: ByQuestionMode = 'live',
): Promise<ByQuestionItem[]> {
  const question = await deps.db
    .selectFrom('questions')
    .innerJoin('interviews', 'interviews.id', 'questions.interviewId')
    .select(['questions.id', 'interviews.reviewSettings'])
    .where('questions.id', '=', questionId)
    .where('questions.interviewId', '=', interviewId)
    .executeTakeFirst();
  if (!question) throw new NotFoundError('There is no such question in this interview.');
  const settings = reviewSettingsOf(question);

  const invitations = await deps.db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .select([
      'invitations.id',
      'invitations.reference',
      'candidates.id as candidateId',
      'candidates.name',
      'candidates.email',
    ])
    .where('invitations.interviewId', '=', interviewId)
    .where('invitations.status', '=', 'completed')
    .where(
      'invitations.reference',
      'in',
      mode === 'reference' ? [1] : settings.calibration === 'seeded' ? [0, 1] : [0],
    )
    .execute();
  const byId = new Map(invitations.map((i) => [i.id, i]));
  const takes = (await latestTakes(deps.db, { interviewId, questionId })).filter((t) =>
    byId.has(t.invitationId),
  );
  if (takes.length === 0) return [];
  const labels = await labelNumbersOf(deps.db, [...byId.keys()]);
  const myScores = new Map(
    (
      await deps.db
        .selectFrom('ratings')
        .innerJoin('answers', 'answers.id', 'ratings.answerId')
        .select(['ratings.answerId', 'ratings.score'])
        .where('answers.questionId', '=', questionId)
        .where('ratings.reviewerId', '=', viewer.id)
        .execute()
    ).map((r) => [r.answerId, r.score]),
  );

  const items = await Promise.all(
    takes.map(async (take): Promise<ByQuestionItem> => {
      const inv = byId.get(take.invitationId)!;
      const myScore = myScores.get(take.id) ?? null;
      const pictureShown =
        take.status === 'ready' && (!settings.hideVideoUntilRated || myScore !== null);
      return {
        answerId: take.id,
        invitationId: take.invitationId,
        candidate: candidateRef(
          {
            id: inv.candidateId,
            name: inv.name,
            email: inv.email,
            labelNumber: labels.get(inv.id),
          },
          // Reference answers are always pseudonymous: seeded ones must look like the rest.
          settings.blind || Number(inv.reference) === 1,
        ),
        status: take.status as ByQuestionItem['status'],
        durationMs: take.durationMs,
        posterUrl: pictureShown ? await signedMediaUrl(deps.storage, take.posterKey) : null,
        myScore,
      };
    }),
  );
  const shuffled = shuffleFor(deps.secrets.jwt, viewer.id, items, (i) => i.answerId);
  return [
    ...shuffled.filter((i) => i.myScore === null),
    ...shuffled.filter((i) => i.myScore !== null),
  ];
}
