import type { AnswerStatus, FailureCause } from '../../db/schema.js';

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
  return chargedTakes(takes).filter(Boolean).length;
}

/**
 * For each of a question's takes (in attempt order), whether it uses an attempt: the rule of
 * countedAttempts, take by take, so that the candidate page can show what the server counts.
 */
export function chargedTakes(takes: Take[]): boolean[] {
  const seen = { media: 0, replaced: 0 };
  return takes.map((t) => {
    if (t.status !== 'failed') return true;
    switch (t.failureCause) {
      case null:
      case 'server':
      case 'abandoned':
        return false;
      case 'media':
      case 'replaced':
        return seen[t.failureCause]++ > 0;
      default:
        return true;
    }
  });
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
