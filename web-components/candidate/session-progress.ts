import type { Answer, CandidateSession, Question } from '../../server/contracts/api.js';

/**
 * Issue 21: the complete take that the question's interrupted one must not displace unasked:
 * the latest submitted, when it comes before the interrupted take.
 */
export function earlierComplete(progress: QuestionProgress): Answer | null {
  const { submitted, interrupted } = progress;
  return submitted && interrupted && submitted.attempt < interrupted.attempt ? submitted : null;
}

/** Where the candidate stands on one question, from the server's list of takes. */
export interface QuestionProgress {
  question: Question;
  /** Takes that count against 1 + retakes (as the server says; failed ones by cause). */
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

/**
 * Issue 9: a take the server still counts as thinking (recording, nothing of it arrived, and the
 * server says how much thinking time is left). A server that does not say gives no such take.
 */
export const isThinking = (a: Answer) =>
  a.status === 'recording' &&
  a.receivedChunks.length === 0 &&
  typeof a.thinkRemainingMs === 'number';
/**
 * A take closed before any of it reached the server (abandoned, or replaced by a newer take):
 * nothing of it to show; if a device holds its recording, that device sends it by itself.
 */
const isEmptyTombstone = (a: Answer) => a.tombstone && a.receivedChunks.length === 0;
// Not Array.prototype.at: Safari 15.0–15.3 lacks it.
const last = <T>(items: T[]): T | null => items[items.length - 1] ?? null;

export function questionProgress(session: CandidateSession): QuestionProgress[] {
  return session.interview.questions.map((question) => {
    const takes = session.answers
      .filter((a) => a.questionId === question.id)
      .sort((a, b) => a.attempt - b.attempt);
    // A take set aside for the one before it (issue 21) is as if it had not been recorded.
    const latest = last(takes.filter((a) => !isEmptyTombstone(a) && !a.discarded));
    return {
      question,
      // An older server does not say: then only takes that did not fail count.
      attemptsUsed: takes.filter((a) => a.countsAsAttempt ?? a.status !== 'failed').length,
      attemptsAllowed: 1 + question.retakes,
      submitted: last(takes.filter(isSubmitted)),
      // A tombstone part of which arrived is an interrupted take too: it can still be handed in.
      interrupted: latest && (latest.status === 'recording' || latest.tombstone) ? latest : null,
      failed: latest?.status === 'failed' && !latest.tombstone ? latest : null,
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
  return session.answers.some((a) => !isEmptyTombstone(a));
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
