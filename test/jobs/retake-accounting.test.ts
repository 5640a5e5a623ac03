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

  it('never charges a take the server failed, nor one that failed before causes were kept', () => {
    assert.equal(countedAttempts([failed('server'), failed('server'), failed(null), ready]), 1);
    assert.match(attemptNote('server', 0), /does not count/);
  });

  it('charges open and submitted takes, and expired ones', () => {
    const open = { status: 'recording', failureCause: null } as const;
    assert.equal(countedAttempts([open, ready, failed('expired')]), 3);
  });

  it('never charges an abandoned take', () => {
    assert.equal(countedAttempts([failed('abandoned'), failed('abandoned'), ready]), 1);
    assert.match(attemptNote('abandoned', 3), /does not count/);
  });

  // Causes forgiven once per question: the third take of each row shows what still counts.
  const FORGIVEN_ONCE = [
    ['takes that are not media', 'media', [failed('media'), failed('media'), failed('media')], 2],
    [
      'empty takes a newer one replaced',
      'replaced',
      [failed('replaced'), failed('media'), failed('replaced')],
      1,
    ],
  ] as const;
  for (const [what, cause, three, counted] of FORGIVEN_ONCE)
    it(`charges ${what} from the second one on, per question`, () => {
      assert.equal(countedAttempts([failed(cause)]), 0);
      assert.equal(countedAttempts([failed(cause), failed(cause)]), 1);
      assert.equal(countedAttempts([...three]), counted);
      assert.match(attemptNote(cause, 0), /first time it does not count/);
      assert.match(attemptNote(cause, 1), /^This take counts as one of your attempts\.$/);
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
