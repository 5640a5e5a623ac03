import type { Db } from '../../db/database.js';
import type { AnswersTable } from '../../db/schema.js';
import { discardedSql } from '../takes/discard-answer.js';
import { tombstoneSql } from '../takes/tombstones.js';

/** Takes that were handed in: the latest of these per question is the one reviewed. */
export const SUBMITTED = ['processing', 'ready', 'failed'] as const;

export interface TakeScope {
  invitationIds?: string[];
  interviewId?: string;
  questionId?: string;
  /** `live`: leave reference (calibration) invitations out; `only`: nothing else. */
  reference?: 'live' | 'only';
}

/**
 * Per invitation and question, the latest submitted take (the one reviewed), in question order.
 * Scoped by invitations, by interview, and optionally to one question.
 */
export async function latestTakes(
  db: Db,
  scope: TakeScope,
): Promise<(AnswersTable & { position: number })[]> {
  if (scope.invitationIds?.length === 0) return [];
  let query = db
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.questionId')
    .selectAll('answers')
    .select('questions.position')
    .where('answers.status', 'in', SUBMITTED)
    // A tombstone was never handed in: it must not hide the take before it.
    .where((eb) => eb.not(tombstoneSql(eb)))
    // Nor was a take the candidate set aside for the one before it (issue 21).
    .where((eb) => eb.not(discardedSql(eb)));
  if (scope.invitationIds) query = query.where('answers.invitationId', 'in', scope.invitationIds);
  if (scope.interviewId) query = query.where('questions.interviewId', '=', scope.interviewId);
  if (scope.questionId) query = query.where('answers.questionId', '=', scope.questionId);
  if (scope.reference) {
    const flag = scope.reference === 'only' ? 1 : 0;
    query = query.where('answers.invitationId', 'in', (eb) =>
      eb
        .selectFrom('invitations')
        .select('invitations.id')
        .where('invitations.reference', '=', flag),
    );
  }
  const rows = await query
    .orderBy('questions.position')
    .orderBy('answers.invitationId')
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
