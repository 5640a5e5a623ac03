import assert from 'node:assert/strict';
import { sharedSync } from '../../storage/shared-sync.js';

/** A sync whose end the test decides, recording when each one started. */
function controllableSync() {
  const started: number[] = [];
  const finishers: ((err?: Error) => void)[] = [];
  let clock = 0;
  return {
    started,
    tick: () => ++clock,
    syncNow: () =>
      new Promise<void>((resolve, reject) => {
        started.push(clock);
        finishers.push((err) => (err ? reject(err) : resolve()));
      }),
    finishNext: (err?: Error) => finishers.shift()!(err),
  };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('sharedSync (group commit of fsyncs)', () => {
  it('gives a caller who arrives during a sync a new sync that starts after it, shared by all such callers', async () => {
    const sync = controllableSync();
    const key = `test-${Math.random()}`;
    const first = sharedSync(key, sync.syncNow);
    sync.tick(); // writes happen after the first sync began
    const later = Array.from({ length: 100 }, () => sharedSync(key, sync.syncNow));
    let laterDone = false;
    void Promise.all(later).then(() => {
      laterDone = true;
    });
    assert.equal(sync.started.length, 1, 'one sync at a time');
    sync.finishNext();
    await first;
    await settle();
    assert.equal(laterDone, false, 'the first sync may predate their writes: they wait');
    assert.deepEqual(sync.started, [0, 1], 'one more sync, begun after their writes, for all 100');
    sync.finishNext();
    await Promise.all(later);
  });

  it('rejects the callers of a failed sync, and the next call syncs again', async () => {
    const sync = controllableSync();
    const key = `test-${Math.random()}`;
    const failing = [sharedSync(key, sync.syncNow), sharedSync(key, sync.syncNow)];
    sync.finishNext(new Error('EIO'));
    await assert.rejects(failing[0]!, /EIO/);
    await settle();
    sync.finishNext();
    await failing[1];
    const again = sharedSync(key, sync.syncNow);
    sync.finishNext();
    await again;
    assert.equal(sync.started.length, 3);
  });
});
