import assert from 'node:assert/strict';
import { attemptNote, countedAttempts } from '../../server/domain/retake-accounting.js';

describe('retake accounting', () => {
  const failed = (failureCause: 'server' | 'media' | 'replaced' | 'expired' | null) =>
    ({ status: 'failed', failureCause }) as const;
  const ready = { status: 'ready', failureCause: null } as const;

  it('never charges a take the server failed, nor one that failed before causes were kept', () => {
    assert.equal(countedAttempts([failed('server'), failed('server'), failed(null), ready]), 1);
    assert.match(attemptNote('server', 0), /does not count/);
  });

  it('charges takes that are not media from the second one on, per question', () => {
    assert.equal(countedAttempts([failed('media')]), 0);
    assert.equal(countedAttempts([failed('media'), failed('media')]), 1);
    assert.equal(countedAttempts([failed('media'), failed('media'), failed('media')]), 2);
    assert.match(attemptNote('media', 0), /first time it does not count/);
    assert.match(attemptNote('media', 1), /^This take counts as one of your attempts\.$/);
  });

  it('charges open, submitted and replaced takes', () => {
    const open = { status: 'recording', failureCause: null } as const;
    assert.equal(countedAttempts([open, ready, failed('replaced')]), 3);
  });
});
