/**
 * Messages that depend on a number. English and French both use "one" for 1 (French also for
 * 0, but none of these is ever shown with 0 except where a separate message says "no …").
 */
import { msg, str } from '@lit/localize';
import { CandidateApiError, NetworkError } from './candidate-api.js';
import { spokenDuration } from './format.js';

export function questionCount(n: number): string {
  return n === 1
    ? msg('1 question', { id: 'cand.count.question-one' })
    : msg(str`${n} questions`, { id: 'cand.count.question-other' });
}

export function retakeCount(n: number): string {
  if (n === 0) return msg('no retakes', { id: 'cand.count.retake-none' });
  return n === 1
    ? msg('1 retake', { id: 'cand.count.retake-one' })
    : msg(str`${n} retakes`, { id: 'cand.count.retake-other' });
}

/** How many more takes of this question the candidate may record. */
export function retakesLeft(n: number): string {
  if (n === 0) return msg('No retakes left for this question.', { id: 'rec.retakes-left.none' });
  return n === 1
    ? msg('1 retake left.', { id: 'rec.retakes-left.one' })
    : msg(str`${n} retakes left.`, { id: 'rec.retakes-left.other' });
}

export function questionOf(position: number, total: number): string {
  return msg(str`Question ${position} of ${total}`, { id: 'rec.question-of' });
}

export function thinkTime(seconds: number): string {
  return seconds === 0
    ? msg('no thinking time: recording starts as the question appears', { id: 'cand.think.none' })
    : msg(str`${spokenDuration(seconds)} to think`, { id: 'cand.think.some' });
}

export function answerTime(seconds: number): string {
  return msg(str`up to ${spokenDuration(seconds)} to answer`, { id: 'cand.answer-time' });
}

/** Why a take could not start, for the candidate. */
export function startErrorMessage(err: unknown): string {
  if (err instanceof NetworkError) {
    return msg('You seem to be offline. Connect to the internet, then start recording.', {
      id: 'rec.error.offline-start',
    });
  }
  if (err instanceof CandidateApiError && err.code === 'video_required') {
    return msg(
      'This interview needs answers on video. Turn your camera back on, or open this link on a device with a camera.',
      { id: 'rec.error.video-required' },
    );
  }
  if (err instanceof CandidateApiError) return err.message;
  return msg('Recording could not start. Please try again.', { id: 'rec.error.start' });
}

/** Creating a take failed in a way a returning connection fixes: wait rather than give up. */
export function canWaitForConnection(err: unknown): boolean {
  if (err instanceof NetworkError) return true;
  return err instanceof CandidateApiError && (err.status >= 500 || err.status === 429);
}
