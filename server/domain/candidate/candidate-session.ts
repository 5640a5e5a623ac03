import type { CandidateSession } from '../../contracts/api.js';
import {
  localize,
  type TextLanguage,
  type Translations,
  textLanguageOf,
  translationsOf,
} from '../../contracts/translations.js';
import type { AnswersTable, InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { effectiveLimits } from '../accommodations/effective-limits.js';
import { questionsOf } from '../interviews/interviews.js';
import { visibleStatus } from '../invitations/invitation-status.js';
import { reviewSettingsOf } from '../review/rubric.js';
import { receivedChunksOf, toAnswer } from '../takes/answer-view.js';
import { chargedTakes } from '../takes/retake-accounting.js';
import { thinkRemainingMs } from '../takes/think-time.js';
import { assertOpenForNewWork, candidateContext, markStarted } from './candidate-access.js';

type InterviewTexts = Translations<{ title: string; intro: string }>;

/** What the candidate page needs to start or resume. Opening it marks the invitation started. */
export async function candidateSession(
  deps: Deps,
  invitation: InvitationsTable,
  /** Issue 21: the language the page reads in (a switch on the page); else the invitation's. */
  readerLanguage?: TextLanguage,
): Promise<CandidateSession> {
  const language = readerLanguage ?? textLanguageOf(String(invitation.language));
  const ctx = await candidateContext(deps, invitation);
  const feedbackReleased = await isFeedbackReleased(deps, invitation.id);
  // A finished candidate may still look at their session (and feedback, which only a finished
  // interview can have); a closed one may not.
  if (invitation.status !== 'completed') assertOpenForNewWork(ctx);
  if (invitation.status === 'invited') await markStarted(deps, invitation);
  const current =
    invitation.status === 'invited' ? { ...invitation, status: 'started' as const } : invitation;

  const interview = await deps.db
    .selectFrom('interviews')
    .select(['title', 'intro', 'deadline', 'reviewSettings', 'allowAudioOnly', 'translations'])
    .where('id', '=', invitation.interviewId)
    .executeTakeFirstOrThrow();
  const candidate = await deps.db
    .selectFrom('candidates')
    .select('name')
    .where('id', '=', invitation.candidateId)
    .executeTakeFirstOrThrow();
  const rows = await deps.db
    .selectFrom('answers')
    .selectAll()
    .where('invitationId', '=', invitation.id)
    .orderBy('createdAt')
    .orderBy('attempt')
    .execute();
  const chunks = await receivedChunksOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const charged = chargedById(rows);
  const { reviewSettings, allowAudioOnly, translations, ...written } = interview;
  const shown = localize(
    { ...written, translations: translationsOf<InterviewTexts>(translations) },
    language,
    ['title', 'intro'],
  );
  const questions = (await questionsOf(deps.db, invitation.interviewId, language)).map((q) =>
    effectiveLimits(q, invitation),
  );
  const thinkSeconds = new Map(questions.map((q) => [q.id, q.thinkSeconds]));
  const now = deps.now();
  return {
    candidate,
    interview: {
      ...shown,
      // The welcome screen tells the candidate that reviewers will not see their name.
      blindReview: reviewSettingsOf({ reviewSettings }).blind,
      // The recorder never falls back to sound only, and asks for a camera, when this is false.
      allowAudioOnly: Number(allowAudioOnly) === 1,
      questions,
    },
    answers: rows.map((r) => {
      const answer = toAnswer(r, chunks.get(r.id));
      const think = thinkSeconds.get(r.questionId) ?? 0;
      return {
        ...answer,
        countsAsAttempt: charged.get(r.id) ?? true,
        thinkRemainingMs: thinkRemainingMs(r, answer.receivedChunks.length, think, now),
      };
    }),
    emailEnabled: deps.config.email !== null,
    invitation: {
      id: invitation.id,
      status: visibleStatus(current, ctx.deadline, deps.now()),
      expiresAt: ctx.closesAt,
      completedAt: invitation.completedAt,
      accommodations: { extraTime: Number(invitation.extraTime) === 1 },
      // Issue 21: the page speaks the invitation's language until the candidate switches.
      language: String(invitation.language) === 'fr' ? 'fr' : 'en',
      feedbackReleased,
    },
  };
}

/** Whether the candidate may read feedback (GET /candidate/feedback answers 200). */
async function isFeedbackReleased(deps: Deps, invitationId: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('feedback')
    .select('releasedAt')
    .where('invitationId', '=', invitationId)
    .executeTakeFirst();
  return Boolean(row?.releasedAt);
}

/** Whether each take uses an attempt, decided per question in attempt order (as on start). */
function chargedById(rows: AnswersTable[]): Map<string, boolean> {
  const byQuestion = new Map<string, AnswersTable[]>();
  for (const row of rows)
    byQuestion.set(row.questionId, [...(byQuestion.get(row.questionId) ?? []), row]);
  const charged = new Map<string, boolean>();
  for (const takes of byQuestion.values()) {
    takes.sort((a, b) => a.attempt - b.attempt);
    const flags = chargedTakes(takes);
    for (const [i, take] of takes.entries()) charged.set(take.id, flags[i]!);
  }
  return charged;
}
