import type { Answer, CandidateSession, Question } from '../../server/contracts/api.js';

/** Where the candidate stands on one question, from the server's list of takes. */
export interface QuestionProgress {
  question: Question;
  /** Takes that count against 1 + retakes (the server does not count failed ones). */
  attemptsUsed: number;
  attemptsAllowed: number;
  /** The latest take the server accepted (processing or ready), if any. */
  submitted: Answer | null;
  /** The latest take, when it never got submitted: a reload, a crash, a lost device. */
  interrupted: Answer | null;
  /** The latest take failed processing: it costs nothing and must be recorded again. */
  failed: Answer | null;
  /** `submitted` is a take stopped normally on this device that is still uploading from it. */
  uploadingHere?: boolean;
}

const isSubmitted = (a: Answer) => a.status === 'processing' || a.status === 'ready';
// Not Array.prototype.at: Safari 15.0–15.3 lacks it.
const last = <T>(items: T[]): T | null => items[items.length - 1] ?? null;

export function questionProgress(session: CandidateSession): QuestionProgress[] {
  return session.interview.questions.map((question) => {
    const takes = session.answers
      .filter((a) => a.questionId === question.id)
      .sort((a, b) => a.attempt - b.attempt);
    const latest = last(takes);
    return {
      question,
      attemptsUsed: takes.filter((a) => a.status !== 'failed').length,
      attemptsAllowed: 1 + question.retakes,
      submitted: last(takes.filter(isSubmitted)),
      interrupted: latest?.status === 'recording' ? latest : null,
      failed: latest?.status === 'failed' ? latest : null,
    };
  });
}

export function attemptsLeft(progress: QuestionProgress): number {
  return Math.max(0, progress.attemptsAllowed - progress.attemptsUsed);
}

/**
 * The question to show on arrival: the first one that still needs the candidate (no submitted
 * take, or an interrupted one to settle); the number of questions when all are answered.
 */
export function firstOpenQuestion(progress: QuestionProgress[]): number {
  const open = progress.findIndex((p) => !p.submitted || p.interrupted);
  return open === -1 ? progress.length : open;
}

/** The candidate has already recorded something: they are coming back, not starting. */
export function hasStarted(session: CandidateSession): boolean {
  return session.answers.length > 0;
}

/**
 * The server's view corrected with this device's: a take the candidate stopped normally that is
 * still waiting here to upload counts as answered (it is on its way), not as interrupted.
 */
export function withWaitingTakes(
  progress: QuestionProgress[],
  isWaitingHere: (answerId: string) => boolean,
): QuestionProgress[] {
  return progress.map((p) =>
    p.interrupted && isWaitingHere(p.interrupted.id)
      ? { ...p, submitted: p.interrupted, interrupted: null, uploadingHere: true }
      : p,
  );
}
