import type { AnswerStatus, FailureCause } from '../db/schema.js';

interface Take {
  status: AnswerStatus;
  failureCause: FailureCause | null;
}

/**
 * How many attempts a question's takes have used. A take that failed because the server failed
 * is free. A take whose bytes are not media is free the first time per question (a broken
 * camera, an honest mistake) and costs an attempt after that, so failing takes on purpose does
 * not buy endless retakes. Every other take (open, submitted, replaced) is an attempt.
 */
export function countedAttempts(takes: Take[]): number {
  const failed = takes.filter((t) => t.status === 'failed');
  const ours = failed.filter((t) => t.failureCause === 'server' || t.failureCause === null);
  const notMedia = failed.filter((t) => t.failureCause === 'media').length;
  return takes.length - ours.length - Math.min(1, notMedia);
}

/** The sentence added to a failed take's error, in the candidate's words. */
export function attemptNote(cause: FailureCause, earlierMediaFailures: number): string {
  if (cause === 'server') return 'This take does not count as one of your attempts.';
  if (cause === 'media' && earlierMediaFailures === 0)
    return 'This first time it does not count as one of your attempts; a second recording that cannot be played will.';
  return 'This take counts as one of your attempts.';
}
