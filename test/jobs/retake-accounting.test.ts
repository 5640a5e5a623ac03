import assert from 'node:assert/strict';
import type { FailureCause } from '../../server/db/schema.js';
import {
  attemptNote,
  chargedTakes,
  countedAttempts,
} from '../../server/domain/takes/retake-accounting.js';

describe('retake accounting', () => {
  const failed = (failureCause: FailureCause | null) =>
    ({ status: 'failed', failureCause }) as const;
  const ready = { status: 'ready', failureCause: null } as const;
  /** The note a candidate reads for a cause that is forgiven once per question, then charged. */
  const assertFreeOnlyTheFirstTime = (cause: FailureCause) => {
    assert.match(attemptNote(cause, 0), /first time it does not count/);
    assert.match(attemptNote(cause, 1), /^This take counts as one of your attempts\.$/);
  };

  it('never charges a take the server failed, nor one that failed before causes were kept', () => {
    assert.equal(countedAttempts([failed('server'), failed('server'), failed(null), ready]), 1);
    assert.match(attemptNote('server', 0), /does not count/);
  });

  it('charges takes that are not media from the second one on, per question', () => {
    assert.equal(countedAttempts([failed('media')]), 0);
    assert.equal(countedAttempts([failed('media'), failed('media')]), 1);
    assert.equal(countedAttempts([failed('media'), failed('media'), failed('media')]), 2);
    assertFreeOnlyTheFirstTime('media');
  });

  it('charges open and submitted takes, and expired ones', () => {
    const open = { status: 'recording', failureCause: null } as const;
    assert.equal(countedAttempts([open, ready, failed('expired')]), 3);
  });

  it('never charges an abandoned take', () => {
    assert.equal(countedAttempts([failed('abandoned'), failed('abandoned'), ready]), 1);
    assert.match(attemptNote('abandoned', 3), /does not count/);
  });

  it('charges empty takes a newer one replaced from the second one on, per question', () => {
    assert.equal(countedAttempts([failed('replaced')]), 0);
    assert.equal(countedAttempts([failed('replaced'), failed('replaced')]), 1);
    assert.equal(countedAttempts([failed('replaced'), failed('media'), failed('replaced')]), 1);
    assertFreeOnlyTheFirstTime('replaced');
  });

  it('says take by take which ones are charged, in attempt order', () => {
    assert.deepEqual(
      chargedTakes([
        failed('replaced'),
        failed('abandoned'),
        failed('replaced'),
        failed('media'),
        ready,
      ]),
      [false, false, true, false, true],
    );
  });
});
