/**
 * Which takes have begun recording, kept in localStorage because a synchronous write survives a
 * reload an instant after recording started, where an IndexedDB write may not commit. On return,
 * an empty take that never began recording was left during its thinking time and is resumed
 * with the time left (issue 9); one that began recording but sent nothing is given up at no
 * cost, as before. Without localStorage a take is taken for one still thinking: it is resumed,
 * which never gives more thinking time than the server says is left.
 */
const PREFIX = 'interview-recorder-recording:';

export function markRecordingBegun(answerId: string): void {
  try {
    localStorage.setItem(PREFIX + answerId, '1');
  } catch {
    // Full or missing: see above.
  }
}

export function recordingBegun(answerId: string): boolean {
  try {
    return localStorage.getItem(PREFIX + answerId) !== null;
  } catch {
    return false;
  }
}

export function forgetRecordingBegun(answerId: string): void {
  try {
    localStorage.removeItem(PREFIX + answerId);
  } catch {
    // Nothing to forget.
  }
}
