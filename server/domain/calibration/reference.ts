import type { Db } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { type Actor, staffActor } from '../actor.js';

/**
 * Calibration (API.md, third release): a reference invitation (mock answers recorded by staff,
 * say) is scored by an expert so that reviewers can be compared with the expert. It never
 * counts as a candidate: not in results, reliability, adverse impact, decisions, feedback, the
 * CSV or counts of candidates.
 */

export function referenceConflict(what: string): ConflictError {
  return new ConflictError(
    'reference_invitation',
    `This is a reference invitation, used for calibration: it takes no ${what}.`,
  );
}

/** Marks or unmarks a reference invitation, audited (`invitation.reference_set`) with it. */
export async function setReference(
  deps: Deps,
  actor: Actor,
  invitationId: string,
  reference: boolean,
): Promise<{ invitationId: string; reference: boolean; interviewId: string }> {
  const invitation = await deps.db
    .selectFrom('invitations')
    .select(['id', 'interviewId'])
    .where('id', '=', invitationId)
    .where('erasingAt', 'is', null)
    .executeTakeFirst();
  if (!invitation) throw new NotFoundError('There is no such invitation.');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('invitations')
      .set({ reference: reference ? 1 : 0 })
      .where('id', '=', invitationId)
      .execute();
    await deps.audit.recordInTransaction(trx, {
      actor,
      action: 'invitation.reference_set',
      target: { type: 'invitation', id: invitationId },
      invitationId,
    });
  });
  return { invitationId, reference, interviewId: invitation.interviewId };
}

export interface ExpertScore {
  answerId: string;
  score: number;
  rationale: string;
  setBy: { id: string; name: string };
  setAt: string;
}

/**
 * The expert's score of a reference answer, with why; a second call replaces it. Audited
 * (`expert_score.saved`) in the same transaction.
 */
export async function setExpertScore(
  deps: Deps,
  expert: { id: string; name: string },
  answerId: string,
  input: { score: number; rationale: string },
): Promise<ExpertScore & { invitationId: string }> {
  const answer = await deps.db
    .selectFrom('answers')
    .innerJoin('invitations', 'invitations.id', 'answers.invitationId')
    .select(['answers.id', 'answers.invitationId', 'invitations.reference'])
    .where('answers.id', '=', answerId)
    .where('invitations.erasingAt', 'is', null)
    .executeTakeFirst();
  if (!answer) throw new NotFoundError('There is no such answer.');
  if (Number(answer.reference) !== 1) {
    throw new ConflictError(
      'not_reference',
      'Expert scores are for answers of a reference invitation; mark the invitation as reference first.',
    );
  }
  const row = {
    answerId,
    score: input.score,
    rationale: input.rationale,
    setBy: expert.id,
    setAt: deps.now().toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('expertScores')
      .values(row)
      .onConflict((oc) =>
        oc.column('answerId').doUpdateSet({
          score: row.score,
          rationale: row.rationale,
          setBy: row.setBy,
          setAt: row.setAt,
        }),
      )
      .execute();
    await deps.audit.recordInTransaction(trx, {
      actor: staffActor(expert),
      action: 'expert_score.saved',
      target: { type: 'answer', id: answerId },
      invitationId: answer.invitationId,
    });
  });
  return { ...row, setBy: expert, invitationId: answer.invitationId };
}

/** The expert's view of an answer, for a reviewer who has rated it (null: none or not reference). */
export async function expertOf(
  db: Db,
  answerId: string,
): Promise<{ score: number; rationale: string } | null> {
  const row = await db
    .selectFrom('expertScores')
    .innerJoin('answers', 'answers.id', 'expertScores.answerId')
    .innerJoin('invitations', 'invitations.id', 'answers.invitationId')
    .select(['expertScores.score', 'expertScores.rationale'])
    .where('expertScores.answerId', '=', answerId)
    .where('invitations.reference', '=', 1)
    .executeTakeFirst();
  return row ?? null;
}
