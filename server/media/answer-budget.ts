/**
 * Everything one take may cost, derived from one number: the question's effective length limit
 * in seconds (its `maxSeconds`, or more for a candidate granted extra time). Storage, uploads,
 * probing and the media job all read their limits from here, so an accommodation that raises
 * the limit raises every budget with it and nothing else has to know.
 */
export interface AnswerBudget {
  /** The effective limit the budget was made from. */
  maxSeconds: number;
  /** Seconds of media the budget pays for: the limit plus a late stop, a slow clock. */
  budgetSeconds: number;
  /** Bytes one take may hold in storage, all chunks together. */
  maxBytes: number;
  /** The highest chunk index a take may use. */
  maxChunkIndex: number;
  /** Video frames the input may hold (a frame costs a decode whatever its size). */
  maxFrames: number;
  /** Pixels the input may make the decoder produce: width × height × frames. */
  maxPixels: number;
  /** Longest recording accepted; generous, real video is never refused for a clock's drift. */
  maxDurationMs: number;
  /** The media job's ffmpeg is killed after this; reaching it is the input's fault. */
  encodeTimeoutMs: number;
}

/** Forgiven beyond the limit in every budget: a stop pressed late, a phone's clock, a slow tap. */
const GRACE_SECONDS = 30;
/** Twice what phones record at 1080p: anything above it is not a camera. */
const BITRATE_CEILING_BYTES_PER_SECOND = 2_500_000; // 20 Mbit/s
/** Containers' headers, an initial key frame, a first slice that held a stall. */
const FIXED_BYTES = 8 * 1024 * 1024;
/** MediaRecorder slices of 100 ms are the finest any recorder here uses. */
const CHUNKS_PER_SECOND = 10;
/** 60 fps with room to spare; 1000-fps "recordings" are decode bombs. */
const FRAMES_PER_SECOND = 60;
/** 1080p30: the most picture a second of answer is worth decoding. */
const PIXELS_PER_SECOND = 1920 * 1080 * 30;
/** A 2-core box encodes 1080p at about realtime at worst; three times that, plus a start-up. */
const ENCODE_SECONDS_PER_SECOND = 3;
const ENCODE_FIXED_SECONDS = 60;

export function answerBudget(maxSeconds: number): AnswerBudget {
  const budgetSeconds = maxSeconds + GRACE_SECONDS;
  return {
    maxSeconds,
    budgetSeconds,
    maxBytes: FIXED_BYTES + budgetSeconds * BITRATE_CEILING_BYTES_PER_SECOND,
    maxChunkIndex: budgetSeconds * CHUNKS_PER_SECOND,
    maxFrames: budgetSeconds * FRAMES_PER_SECOND,
    maxPixels: budgetSeconds * PIXELS_PER_SECOND,
    // Unchanged from before budgets existed: twice the limit and two minutes.
    maxDurationMs: (maxSeconds * 2 + 120) * 1000,
    encodeTimeoutMs: (ENCODE_FIXED_SECONDS + ENCODE_SECONDS_PER_SECOND * budgetSeconds) * 1000,
  };
}
