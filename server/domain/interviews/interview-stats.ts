import type { InvitationStatus } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { visibleStatus } from '../invitations/invitation-status.js';
import { getInterview } from './interviews.js';

export interface InterviewStats {
  interviewId: string;
  /** Invitations by the status people see (expired is derived from dates). */
  invitations: Record<InvitationStatus, number>;
  /** Takes of any status: one is enough to lock the questions. */
  answerCount: number;
  /** True once candidates have started answering: PATCH then refuses question changes. */
  questionsLocked: boolean;
}

/** What the editor and the interview page need to know before offering an action. */
export async function interviewStats(deps: Deps, interviewId: string): Promise<InterviewStats> {
  const interview = await getInterview(deps.db, interviewId);
  const invitations = await deps.db
    .selectFrom('invitations')
    .select(['status', 'expiresAt'])
    .where('interviewId', '=', interviewId)
    // Reference (calibration) invitations are not candidates.
    .where('reference', '=', 0)
    .execute();
  const counts: Record<InvitationStatus, number> = {
    invited: 0,
    started: 0,
    completed: 0,
    expired: 0,
  };
  const now = deps.now();
  for (const invitation of invitations) {
    counts[visibleStatus(invitation, interview.deadline, now)] += 1;
  }
  const { answerCount } = await deps.db
    .selectFrom('answers')
    .innerJoin('invitations', 'invitations.id', 'answers.invitationId')
    .select((eb) => eb.fn.countAll<number | string>().as('answerCount'))
    .where('invitations.interviewId', '=', interviewId)
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count(*) as a bigint string, SQLite as a number.
  const answers = Number(answerCount);
  return { interviewId, invitations: counts, answerCount: answers, questionsLocked: answers > 0 };
}
