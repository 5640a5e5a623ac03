import assert from 'node:assert/strict';
import { repeat, type Timers } from '../../server/jobs/repeat.js';

/** A clock the test moves by hand: timeouts fire only when `advance` passes their time. */
class ManualTimers implements Timers {
  now = 0;
  #next = 1;
  readonly #pending = new Map<number, { at: number; run: () => void }>();
  /** Every wait asked for, in order. */
  readonly delays: number[] = [];

  setTimeout(run: () => void, ms: number): number {
    const id = this.#next++;
    this.delays.push(ms);
    this.#pending.set(id, { at: this.now + ms, run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }

  get pending(): number {
    return this.#pending.size;
  }

  /** Moves the clock, firing due timeouts in time order and letting their promises settle. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      await settle();
      const due = [...this.#pending.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#pending.delete(due[0]);
      this.now = due[1].at;
      due[1].run();
    }
    this.now = until;
    await settle();
  }
}

/** Lets queued promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((r) => setImmediate(r));
}

function recordingLog() {
  const warnings: { obj: { err?: unknown }; msg: string }[] = [];
  return {
    warnings,
    warn: (obj: object, msg: string) => {
      warnings.push({ obj, msg });
    },
  };
}

describe('repeat (one scheduler for periodic work)', () => {
  it('runs at once, then every period after each run ends', async () => {
    const timers = new ManualTimers();
    const runs: number[] = [];
    const schedule = repeat(
      'sweep',
      1000,
      async () => {
        runs.push(timers.now);
      },
      { log: recordingLog(), timers, jitter: 0 },
    );
    await timers.advance(0);
    assert.deepEqual(runs, [0]);
    await timers.advance(3000);
    assert.deepEqual(runs, [0, 1000, 2000, 3000]);
    await schedule.stop();
  });

  it('waits for the first run when asked to', async () => {
    const timers = new ManualTimers();
    let runs = 0;
    const schedule = repeat('reminders', 60_000, async () => void runs++, {
      log: recordingLog(),
      timers,
      firstAfterMs: 1000,
      jitter: 0,
    });
    await timers.advance(999);
    assert.equal(runs, 0);
    await timers.advance(1);
    assert.equal(runs, 1);
    await schedule.stop();
  });

  it('never starts a run while the previous one is still going', async () => {
    const timers = new ManualTimers();
    let active = 0;
    let most = 0;
    const finishers: (() => void)[] = [];
    const schedule = repeat(
      'retention',
      100,
      () => {
        active++;
        most = Math.max(most, active);
        return new Promise<void>((resolve) =>
          finishers.push(() => {
            active--;
            resolve();
          }),
        );
      },
      { log: recordingLog(), timers, jitter: 0 },
    );
    await timers.advance(1000);
    assert.equal(finishers.length, 1, 'one run in ten periods: the first has not ended');
    finishers[0]!();
    await timers.advance(99);
    assert.equal(finishers.length, 1, 'the next run is a full period after the end');
    await timers.advance(1);
    assert.equal(finishers.length, 2);
    assert.equal(most, 1);
    finishers[1]!();
    await schedule.stop();
  });

  it('logs a failed run with its name and keeps the schedule', async () => {
    const timers = new ManualTimers();
    const log = recordingLog();
    let runs = 0;
    const schedule = repeat(
      'outbox sweep',
      500,
      async () => {
        runs++;
        if (runs === 1) throw new Error('database unreachable');
      },
      { log, timers, jitter: 0 },
    );
    await timers.advance(500);
    assert.equal(runs, 2);
    assert.equal(log.warnings.length, 1);
    assert.equal(log.warnings[0]!.msg, 'outbox sweep failed');
    assert.equal((log.warnings[0]!.obj.err as Error).message, 'database unreachable');
    await schedule.stop();
  });

  it('spreads each wait by up to the jitter share of the period', async () => {
    const timers = new ManualTimers();
    const draws = [0, 0.5, 0.999];
    const schedule = repeat('stale-chunk sweep', 1000, async () => {}, {
      log: recordingLog(),
      timers,
      jitter: 0.2,
      random: () => draws.shift() ?? 0,
    });
    await timers.advance(0);
    await timers.advance(1000);
    await timers.advance(1100);
    assert.deepEqual(timers.delays, [0, 1000, 1100, 1199]);
    await schedule.stop();
  });

  it('stops: no run after stop, and stop waits for the run in progress', async () => {
    const timers = new ManualTimers();
    let runs = 0;
    let finish!: () => void;
    const schedule = repeat(
      'stranded sweep',
      100,
      () => {
        runs++;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      { log: recordingLog(), timers, jitter: 0 },
    );
    await timers.advance(0);
    let stopped = false;
    const stopping = schedule.stop().then(() => {
      stopped = true;
    });
    await settle();
    assert.equal(stopped, false, 'still running');
    finish();
    await stopping;
    await timers.advance(1000);
    assert.equal(runs, 1);
    assert.equal(timers.pending, 0);
  });

  it('runs once when there is no period', async () => {
    const timers = new ManualTimers();
    let runs = 0;
    repeat('stranded sweep', null, async () => void runs++, { log: recordingLog(), timers });
    await timers.advance(10_000);
    assert.equal(runs, 1);
    assert.equal(timers.pending, 0);
  });
});
