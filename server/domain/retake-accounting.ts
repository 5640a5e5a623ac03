import type { AnswerStatus, FailureCause } from '../db/schema.js';

interface Take {
  status: AnswerStatus;
  failureCause: FailureCause | null;
}

/**
 * How many attempts a question's takes have used. A take that failed because the server failed
 * is free, and so is one the candidate abandoned before any of it reached the server. A take
 * whose bytes are not media is free the first time per question (a broken camera, an honest
 * mistake), and so is the first empty take a newer one replaced (a reload during think time);
 * after that each costs an attempt, so that failing takes or reloading on purpose does not buy
 * endless retakes or re-reveals of the question. Every other take (open, submitted) counts.
 */
export function countedAttempts(takes: Take[]): number {
  const failed = takes.filter((t) => t.status === 'failed');
  const free = failed.filter(
    (t) => t.failureCause === 'server' || t.failureCause === 'abandoned' || t.failureCause === null,
  );
  const firstFree = (cause: FailureCause) =>
    Math.min(1, failed.filter((t) => t.failureCause === cause).length);
  return takes.length - free.length - firstFree('media') - firstFree('replaced');
}

/**
 * The sentence added to a failed take's error, in the candidate's words. `earlier` counts the
 * question's takes that failed before with the same cause (only `media` and `replaced` care).
 */
export function attemptNote(cause: FailureCause, earlier: number): string {
  if (cause === 'server' || cause === 'abandoned')
    return 'This take does not count as one of your attempts.';
  if (cause === 'media' && earlier === 0)
    return 'This first time it does not count as one of your attempts; a second recording that cannot be played will.';
  if (cause === 'replaced' && earlier === 0)
    return 'This first time it does not count as one of your attempts; another take left before anything of it was uploaded will.';
  return 'This take counts as one of your attempts.';
}
