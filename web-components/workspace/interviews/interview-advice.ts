/**
 * Defaults and gentle advice from research on asynchronous video interviews: candidates do
 * better and feel treated more fairly with 30–60 s to think before recording, at least one
 * retake, and a short interview (five questions or fewer). Advice never blocks saving.
 */
export const QUESTION_DEFAULTS = { thinkSeconds: 45, maxSeconds: 120, retakes: 1 } as const;

export const ADVISED = {
  maxQuestions: 5,
  minThinkSeconds: 30,
  maxThinkSeconds: 60,
  minRetakes: 1,
} as const;

export type QuestionAdvice = 'think-short' | 'think-long' | 'no-retake';

export function adviceForQuestion(question: {
  thinkSeconds: number;
  retakes: number;
}): QuestionAdvice[] {
  const advice: QuestionAdvice[] = [];
  if (question.thinkSeconds < ADVISED.minThinkSeconds) advice.push('think-short');
  if (question.thinkSeconds > ADVISED.maxThinkSeconds) advice.push('think-long');
  if (question.retakes < ADVISED.minRetakes) advice.push('no-retake');
  return advice;
}

export function tooManyQuestions(count: number): boolean {
  return count > ADVISED.maxQuestions;
}
