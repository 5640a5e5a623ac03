/** Extra time multiplies every question's think and answer time by this, rounded up. */
export const EXTRA_TIME_FACTOR = 1.5;

export interface QuestionLimits {
  thinkSeconds: number;
  maxSeconds: number;
}

/** Whether an invitation row (any shape that carries the column) asked for extra time. */
export function hasExtraTime(invitation: { extraTime?: unknown }): boolean {
  return Number(invitation.extraTime) === 1;
}

/**
 * The limits that apply to a question for this invitation: the question's own, or 1.5× (rounded
 * up) with extra time. Everything that enforces or budgets a take's length must use this.
 */
export function effectiveLimits<Q extends QuestionLimits>(
  question: Q,
  invitation: { extraTime?: unknown },
): Q {
  if (!hasExtraTime(invitation)) return question;
  return {
    ...question,
    thinkSeconds: Math.ceil(question.thinkSeconds * EXTRA_TIME_FACTOR),
    maxSeconds: Math.ceil(question.maxSeconds * EXTRA_TIME_FACTOR),
  };
}
