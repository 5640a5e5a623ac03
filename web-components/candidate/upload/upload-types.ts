/** The upload status shown to candidates: plain data, re-created on every change. */

/** Where one take stands, for progress displays. */
export interface TakeProgress {
  answerId: string;
  questionId: string;
  /** Chunks recorded so far (on this device or already on the server). */
  recorded: number;
  /** Chunks still waiting on this device, and their bytes. */
  pending: number;
  pendingBytes: number;
  closed: boolean;
  interrupted: boolean;
  /** Issue 21: handed in only if the candidate chooses it over a complete earlier take. */
  awaitingChoice: boolean;
  /** The server accepted the take (`complete` answered 202). */
  submitted: boolean;
  /** Why this take cannot be uploaded; its bytes stay in the outbox. */
  failure: Problem | null;
}

export interface Problem {
  code: string;
  message: string;
}

export type UploaderState = 'idle' | 'uploading' | 'waiting' | 'offline' | 'halted';

export interface UploadStatus {
  state: UploaderState;
  pendingChunks: number;
  pendingBytes: number;
  /** Epoch ms of the next attempt while `waiting`. */
  retryAt: number | null;
  takes: TakeProgress[];
  /** Set when `halted`: nothing can be uploaded (e.g. the interview has closed). */
  error: Problem | null;
}

/** What the uploader knows of a take, in memory, so that no disk read delays a send. */
export interface TakeState {
  answerId: string;
  questionId: string;
  createdAt: number;
  nextIndex: number;
  recordedMs: number;
  closed: boolean;
  interrupted: boolean;
  awaitingChoice: boolean;
  /** Index → bytes of the chunks not yet acknowledged. */
  pending: Map<number, number>;
  submitted: boolean;
  failure: Problem | null;
  /** Each chunk request's size and time, to learn the upload rate actually achieved. */
  requests: { bytes: number; ms: number }[];
  /** This take's outbox writes, in order: a removal never overtakes the write it undoes. */
  ops: Promise<void>;
}

export function progressOf(take: TakeState): TakeProgress {
  let pendingBytes = 0;
  for (const size of take.pending.values()) pendingBytes += size;
  return {
    answerId: take.answerId,
    questionId: take.questionId,
    recorded: take.nextIndex,
    pending: take.pending.size,
    pendingBytes,
    closed: take.closed,
    interrupted: take.interrupted,
    awaitingChoice: take.awaitingChoice,
    submitted: take.submitted,
    failure: take.failure,
  };
}
