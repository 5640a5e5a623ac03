/**
 * Where an answer's media lives in storage: the one place that knows the key layout. Everything
 * of an answer sits under its `root`, so erasure deleting that prefix removes every object a
 * take can leave behind (chunks, MP4, poster, audio) — a new kind of object must be added here,
 * under the root, never elsewhere.
 */
export interface AnswerKeys {
  /** Every object of the answer; erasure deletes this prefix. */
  root: string;
  /** The uploaded slices, deleted once the MP4 is stored or the take is given up. */
  chunks: string;
  /** One uploaded slice; zero-padded so a listing sorts in recording order. */
  chunk(index: number, nonce: string): string;
  video: string;
  poster: string;
  audio: string;
}

export function answerKeys(answerId: string): AnswerKeys {
  const root = `answers/${answerId}/`;
  const chunks = `${root}chunks/`;
  return {
    root,
    chunks,
    // The nonce keeps a retry from overwriting a good chunk before the new bytes are checked.
    chunk: (index, nonce) => `${chunks}${String(index).padStart(6, '0')}.${nonce}`,
    video: `${root}video.mp4`,
    poster: `${root}poster.jpg`,
    audio: `${root}audio.m4a`,
  };
}

/** A chunk written to storage, before its row exists. */
export interface StoredChunk {
  key: string;
  size: number;
  sha256: string;
}
