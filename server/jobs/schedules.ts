import type { Deps } from '../deps.js';
import { sweepOutbox } from '../domain/email/outbox-sweep.js';
import { sendDueReminders } from '../domain/email/reminders.js';
import { sweepExpiredCandidates } from '../domain/erasure/retention-sweep.js';
import { requeueStrandedAnswers } from './process-answer.js';
import { type Repeating, repeat } from './repeat.js';
import { sweepStaleChunks } from './sweep-stale-chunks.js';

const HOUR_MS = 3600 * 1000;

/**
 * Every periodic task of a process that runs jobs, in one list. Each is safe to run in several
 * processes at once (conditional updates, job ids), so every worker runs them all.
 */
export function startSchedules(
  deps: Deps,
  options: {
    /** With Redis, stranded answers are looked for periodically; embedded, once at start. */
    strandedSweepSeconds: number | null;
  },
): Repeating[] {
  const { config, log } = deps;
  const every = (
    name: string,
    everyMs: number | null,
    task: () => Promise<unknown>,
    firstAfterMs = 0,
  ) => repeat(name, everyMs, task, { log, firstAfterMs });
  /** Logs how much a sweep did, when it did something. */
  const counted = (sweep: () => Promise<number>, say: (count: number) => string) => async () => {
    const count = await sweep();
    if (count > 0) log.info({ count }, say(count));
  };

  const schedules = [
    // Answers left `processing` without a job (a crash between commit and enqueue, a Redis
    // that lost its data) get one.
    every(
      'stranded-answer sweep',
      options.strandedSweepSeconds === null ? null : options.strandedSweepSeconds * 1000,
      counted(
        () => requeueStrandedAnswers(deps),
        () => 'queued media jobs for answers left processing',
      ),
    ),
    every(
      'stale-chunk sweep',
      HOUR_MS,
      counted(
        () => sweepStaleChunks(deps),
        (count) => `stale-chunk sweep cleared ${count} item(s)`,
      ),
    ),
    every(
      'retention sweep',
      config.retentionSweepSeconds * 1000,
      counted(
        () => sweepExpiredCandidates(deps),
        () => 'retention: candidates erased',
      ),
    ),
  ];
  if (config.email) {
    // A second after start, so that the queue's handlers are in place.
    schedules.push(
      every(
        'outbox sweep',
        Math.min(15, config.jobLockSeconds) * 1000,
        () => sweepOutbox(deps),
        1000,
      ),
      every(
        'reminder sweep',
        config.reminderSweepSeconds * 1000,
        () => sendDueReminders(deps),
        1000,
      ),
    );
  }
  return schedules;
}
