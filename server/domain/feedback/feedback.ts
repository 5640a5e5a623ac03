import type {
  Feedback,
  FeedbackCompetency,
  FeedbackRequest,
  StaffFeedback,
} from '../../contracts/programmes.js';
import { interviewTitleIn, textLanguageOf } from '../../contracts/translations.js';
import type { Deps } from '../../deps.js';
import { ConflictError, InputError, NotFoundError } from '../../errors.js';
import type { Actor } from '../actor.js';
import { referenceConflict } from '../calibration/reference.js';
import { dispatchEmails, emailEnabled, queueEmail } from '../email/outbox.js';
import { addExtraLink } from '../invitations/extra-links.js';
import { emitWebhookEvent } from '../webhooks/outbox.js';
import { prefillCompetencies } from './prefill.js';
import { rubricOf, scoresOfLatestTakes } from './rubric.js';

async function completedInvitation(deps: Deps, invitationId: string) {
  const row = await deps.db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .select([
      'invitations.id',
      'invitations.interviewId',
      'invitations.status',
      'invitations.language',
      'invitations.reference',
      'candidates.name',
      'candidates.email',
      'interviews.title',
      'interviews.translations',
    ])
    .where('invitations.id', '=', invitationId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such invitation.');
  if (Number(row.reference) === 1) throw referenceConflict('feedback');
  if (row.status !== 'completed') {
    throw new ConflictError(
      'not_completed',
      'Feedback can be written once the candidate has finished the interview.',
    );
  }
  return row;
}

async function storedFeedback(deps: Deps, invitationId: string) {
  return deps.db
    .selectFrom('feedback')
    .selectAll()
    .where('invitationId', '=', invitationId)
    .executeTakeFirst();
}

/**
 * The saved feedback with competency names, or the prefilled draft when nothing was saved; for
 * staff, with the candidate's language and each competency's generated text beside it (so the
 * release question can say which texts still go out as generated).
 */
export async function feedbackDraft(deps: Deps, invitationId: string): Promise<StaffFeedback> {
  const invitation = await completedInvitation(deps, invitationId);
  // In the candidate's language (issue 21): they read the names, and the anchors prefill it.
  const language = textLanguageOf(String(invitation.language));
  const rubric = await rubricOf(deps.db, invitation.interviewId, language);
  const saved = await storedFeedback(deps, invitationId);
  const scores = await scoresOfLatestTakes(deps.db, invitationId);
  const generated = prefillCompetencies(
    rubric.competencies,
    rubric.questions,
    scores,
    invitation.language,
  );
  const generatedText = new Map(generated.map((c) => [c.key, c.text]));
  const withGenerated = (c: FeedbackCompetency) => ({
    ...c,
    generatedText: generatedText.get(c.key) ?? '',
  });
  if (!saved) {
    return {
      summary: '',
      competencies: generated.map(withGenerated),
      releasedAt: null,
      language: invitation.language,
    };
  }
  const names = new Map(rubric.competencies.map((c) => [c.key, c.name]));
  const texts = JSON.parse(saved.competencies) as { key: string; text: string }[];
  return {
    summary: saved.summary,
    competencies: texts.map((c) =>
      withGenerated({ key: c.key, name: names.get(c.key) ?? c.key, text: c.text }),
    ),
    releasedAt: saved.releasedAt,
    language: invitation.language,
  };
}

/** PUT /invitations/:id/feedback: saves the draft (a released one stays released, and changes). */
export async function saveFeedback(
  deps: Deps,
  invitationId: string,
  input: FeedbackRequest,
): Promise<StaffFeedback> {
  const invitation = await completedInvitation(deps, invitationId);
  const { competencies } = await rubricOf(deps.db, invitation.interviewId);
  const known = new Set(competencies.map((c) => c.key));
  const unknown = input.competencies
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => known.size > 0 && !known.has(c.key));
  if (unknown.length > 0) {
    throw new InputError(
      'Write feedback only for the interview’s competencies.',
      unknown.map(({ i }) => ({
        path: `competencies.${i}.key`,
        message: 'is not a competency of this interview',
      })),
    );
  }
  const saved = await storedFeedback(deps, invitationId);
  const row = {
    summary: input.summary ?? saved?.summary ?? '',
    competencies: JSON.stringify(input.competencies.map(({ key, text }) => ({ key, text }))),
    updatedAt: deps.now().toISOString(),
  };
  if (saved) {
    await deps.db
      .updateTable('feedback')
      .set(row)
      .where('invitationId', '=', invitationId)
      .execute();
  } else {
    await deps.db
      .insertInto('feedback')
      .values({ invitationId, releasedAt: null, ...row })
      .onConflict((oc) => oc.column('invitationId').doUpdateSet(row))
      .execute();
  }
  return feedbackDraft(deps, invitationId);
}

/**
 * Makes the feedback readable by the candidate and tells them by email. The email carries a
 * fresh link (only digests of links are kept, so the first one cannot be sent again), added
 * beside the first: the link the candidate already has opens the feedback too. Audited
 * (`feedback.released`) in the transaction that releases it.
 */
export async function releaseFeedback(
  deps: Deps,
  invitationId: string,
  actor: Actor,
): Promise<StaffFeedback> {
  const invitation = await completedInvitation(deps, invitationId);
  const saved = await storedFeedback(deps, invitationId);
  if (!saved) {
    throw new ConflictError('feedback_missing', 'Save the feedback before releasing it.');
  }
  if (saved.releasedAt) return feedbackDraft(deps, invitationId);
  const now = deps.now();
  const messageId = await deps.db.transaction().execute(async (trx) => {
    const released = await trx
      .updateTable('feedback')
      .set({ releasedAt: now.toISOString() })
      .where('invitationId', '=', invitationId)
      .where('releasedAt', 'is', null)
      .executeTakeFirst();
    if (released.numUpdatedRows === 0n) return null;
    await deps.audit.recordInTransaction(trx, {
      actor,
      action: 'feedback.released',
      target: { type: 'invitation', id: invitationId },
      invitationId,
    });
    await emitWebhookEvent(deps, 'feedback.released', { invitationId }, trx);
    if (!emailEnabled(deps)) return null;
    const token = await addExtraLink(trx, invitationId, now);
    return queueEmail(
      trx,
      {
        invitationId,
        kind: 'feedback',
        to: invitation.email,
        language: invitation.language,
        vars: {
          name: invitation.name,
          interviewTitle: interviewTitleIn(invitation, invitation.language),
          url: `${deps.config.publicUrl}/i/${token}`,
        },
        dedupeKey: `feedback:${invitationId}`,
      },
      now,
    );
  });
  dispatchEmails(deps, [messageId]);
  return feedbackDraft(deps, invitationId);
}

/** GET /candidate/feedback: once released, even after the interview closed; 404 before. */
export async function candidateFeedback(deps: Deps, invitationId: string): Promise<Feedback> {
  const saved = await storedFeedback(deps, invitationId);
  if (!saved?.releasedAt) throw new NotFoundError('Your feedback is not ready yet.');
  // What staff see besides (the generated texts would tell the ratings) stays with staff.
  const { summary, competencies, releasedAt } = await feedbackDraft(deps, invitationId);
  return {
    summary,
    competencies: competencies.map(({ key, name, text }) => ({ key, name, text })),
    releasedAt,
  };
}
