import { setTimeout as sleep } from 'node:timers/promises';
import type { ChunkSender } from './chunk-senders.js';
import type { RecorderOutcome } from './types.js';

/** Everything the recorders of one load worker add up together. */
export class LoadTally {
  readonly latenciesMs: number[] = [];
  ackedBytes = 0;
  lastAckMs = 0;
  errors = 0;
  unsent = 0;
  readonly errorSamples = new Set<string>();

  acknowledged(bytes: number, latencyMs: number, atMs: number): void {
    this.latenciesMs.push(latencyMs);
    this.ackedBytes += bytes;
    this.lastAckMs = Math.max(this.lastAckMs, atMs);
  }

  failed(error: string): void {
    this.errors += 1;
    // Digits vary per request (ids, offsets); without them the samples group by cause.
    if (this.errorSamples.size < 5) this.errorSamples.add(error.replace(/\d+/g, '#'));
  }
}

export interface RecorderSchedule {
  /** performance.now() time of second zero, shared by all recorders. */
  startMs: number;
  /** This recorder's offset within each second, so recorders are not in lockstep. */
  phaseMs: number;
  seconds: number;
  jitterMs: number;
  chunkBytes: number;
  /** No chunk is started after this performance.now() time. */
  deadlineMs: number;
}

/**
 * One recorder: chunk i becomes due at start + phase + i s (± jitter) and is sent when due, or
 * as soon as the previous one is answered, whichever is later, as a MediaRecorder upload queue
 * does. Latency counts from when the chunk was due, not when it was sent: a slow server that
 * holds back the next send is charged for that wait too (no coordinated omission).
 */
export async function runRecorder(
  sender: ChunkSender,
  schedule: RecorderSchedule,
  tally: LoadTally,
): Promise<RecorderOutcome> {
  const outcome: RecorderOutcome = { ackedIndexes: [], ackedOffset: 0 };
  for (let index = 0; index < schedule.seconds; index++) {
    const jitter = (Math.random() * 2 - 1) * schedule.jitterMs;
    const dueMs = schedule.startMs + schedule.phaseMs + index * 1000 + jitter;
    const waitMs = dueMs - performance.now();
    if (waitMs > 0) await sleep(waitMs);
    if (performance.now() > schedule.deadlineMs) {
      tally.unsent += schedule.seconds - index;
      break;
    }
    const result = await sender.send(index);
    const doneMs = performance.now();
    if (result.ok) {
      outcome.ackedIndexes.push(index);
      outcome.ackedOffset = Math.max(outcome.ackedOffset, result.offset);
      tally.acknowledged(schedule.chunkBytes, doneMs - dueMs, doneMs);
    } else {
      tally.failed(result.error);
    }
  }
  return outcome;
}
