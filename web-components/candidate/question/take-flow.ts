/**
 * One owner for where a question's take stands (issue 18): its phase, the take itself, the
 * attempts used here, the message shown and, since issue 21, the complete earlier take that an
 * interrupted one must not displace unless the candidate chooses so. `reduceTake` is a pure
 * function of the state and what happened, so that every move can be tested without a camera;
 * `TakeFlow` holds the state for a Lit host, which re-renders on each change. The step's helpers
 * (take-submission.ts, take-resumption.ts) report what happened; the views only read.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Answer } from '../../../server/contracts/api.js';

export type QuestionPhase =
  | 'intro'
  | 'preparing'
  | 'thinking'
  | 'starting'
  | 'recording'
  | 'review'
  /** A take cut short before this page opened, or (issue 21) one waiting for a choice. */
  | 'interrupted';

export interface TakeFlowState {
  phase: QuestionPhase;
  /** The take being recorded, or the last one (null before any, and for the practice). */
  answer: Answer | null;
  /** Takes begun in this step that count against the limit (an abandoned empty one does not). */
  takesUsed: number;
  /** The server accepted `answer` whole. */
  submitted: boolean;
  /** `answer` ended before the candidate stopped it (camera gone, page hidden). */
  endedEarly: boolean;
  error: string;
  /** Issue 9: the take was left during its thinking time and goes on here with the time left. */
  resumedNote: string;
  /**
   * Issue 21: a complete take of this question from before `answer`. While it is set and
   * `answer` was interrupted, the candidate chooses which one to keep (phase `interrupted`).
   */
  earlier: Answer | null;
  /** The candidate chose `earlier` over an interrupted take: it is `answer` again. */
  keptEarlier: boolean;
}

export type TakeEvent =
  /** The step opens; `earlier` is the question's complete take from before, if any. */
  | { type: 'opened'; earlier: Answer | null }
  /** The upload speed is being measured and the take created: the prompt waits. */
  | { type: 'preparing' }
  /** Creating the take or starting the camera failed: back to the start, with why. */
  | { type: 'failed-to-start'; error: string }
  | { type: 'revealed' }
  | { type: 'thinking' }
  | { type: 'starting' }
  /** Recording began into `answer` (null for the practice): one more attempt used. */
  | { type: 'recording'; answer: Answer | null }
  | { type: 'ended'; interrupted: boolean }
  | { type: 'saved'; answerId: string }
  | { type: 'upload-failed'; answerId: string; error: string }
  /** The take ended before its first slice: the server forgot it, so it cost nothing. */
  | { type: 'nothing-recorded'; answerId: string; error: string }
  /** A take cut short before this page opened; `earlier` is a complete one before it. */
  | { type: 'found-interrupted'; answer: Answer; earlier: Answer | null }
  /** Issue 9: a take left while thinking goes on; the server already counts it. */
  | { type: 'resumed'; note: string }
  /** An interrupted take that reached the server empty was given up (it cost nothing). */
  | { type: 'gave-up-empty' }
  | { type: 'kept-earlier' }
  | { type: 'kept-interrupted' }
  | { type: 'retake' }
  | { type: 'problem'; error: string };

export function initialTake(): TakeFlowState {
  return {
    phase: 'intro',
    answer: null,
    takesUsed: 0,
    submitted: false,
    endedEarly: false,
    error: '',
    resumedNote: '',
    earlier: null,
    keptEarlier: false,
  };
}

export function reduceTake(state: TakeFlowState, event: TakeEvent): TakeFlowState {
  switch (event.type) {
    case 'opened':
      return { ...state, earlier: event.earlier };
    case 'preparing':
      return { ...state, phase: 'preparing', error: '' };
    case 'failed-to-start':
      return { ...state, phase: 'intro', error: event.error };
    case 'revealed':
      return { ...state, resumedNote: '' };
    case 'thinking':
    case 'starting':
      return { ...state, phase: event.type };
    case 'recording':
      return {
        ...state,
        phase: 'recording',
        answer: event.answer,
        takesUsed: state.takesUsed + 1,
        submitted: false,
        endedEarly: false,
        keptEarlier: false,
        error: '',
      };
    case 'ended':
      // Cut short while a complete take exists: nothing is handed in until the candidate chooses.
      if (event.interrupted && state.earlier && state.answer) {
        return { ...state, phase: 'interrupted', endedEarly: true };
      }
      return { ...state, phase: 'review', endedEarly: event.interrupted };
    case 'saved':
      return state.answer?.id === event.answerId ? { ...state, submitted: true } : state;
    case 'upload-failed':
      return state.answer?.id === event.answerId ? { ...state, error: event.error } : state;
    case 'nothing-recorded':
      if (state.answer?.id !== event.answerId) return state;
      return {
        ...state,
        phase: 'intro',
        answer: null,
        takesUsed: state.takesUsed - 1,
        error: event.error,
      };
    case 'found-interrupted':
      return { ...state, phase: 'interrupted', answer: event.answer, earlier: event.earlier };
    case 'resumed':
      return { ...state, takesUsed: state.takesUsed - 1, resumedNote: event.note };
    case 'gave-up-empty':
      return { ...state, answer: null, takesUsed: state.takesUsed - 1 };
    case 'kept-earlier':
      if (!state.earlier) return state;
      return {
        ...state,
        phase: 'review',
        answer: state.earlier,
        earlier: null,
        submitted: true,
        endedEarly: false,
        keptEarlier: true,
        error: '',
      };
    case 'kept-interrupted':
      return { ...state, phase: 'review', earlier: null, error: '' };
    case 'retake':
      // What is on screen now stays if the next take is cut short, until the candidate chooses.
      return {
        ...state,
        phase: 'intro',
        earlier: state.answer ?? state.earlier,
        keptEarlier: false,
        error: '',
      };
    case 'problem':
      return { ...state, error: event.error };
  }
}

/** Takes still allowed here: the limit when the step opened, less the takes begun since. */
export function retakesRemaining(state: TakeFlowState, attemptsLeft: number, practice: boolean) {
  return practice ? Number.POSITIVE_INFINITY : attemptsLeft - state.takesUsed;
}

/** Holds a question step's TakeFlowState; the host re-renders after every change. */
export class TakeFlow implements ReactiveController {
  state: TakeFlowState = initialTake();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  dispatch(event: TakeEvent): void {
    const next = reduceTake(this.state, event);
    if (next === this.state) return;
    this.state = next;
    this.host.requestUpdate();
  }

  hostConnected(): void {}
}
