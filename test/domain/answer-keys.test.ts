import assert from 'node:assert/strict';
import { answerKeys } from '../../server/domain/takes/answer-keys.js';

describe('answerKeys (the media key layout of an answer)', () => {
  it('puts every object of an answer under its root, which erasure deletes', () => {
    const keys = answerKeys('a1');
    const objects = [keys.chunks, keys.chunk(0, 'n'), keys.video, keys.poster, keys.audio];
    for (const key of objects) assert.ok(key.startsWith(keys.root), `${key} outside ${keys.root}`);
    assert.ok(keys.chunk(7, 'n').startsWith(keys.chunks));
  });

  it('keeps answers apart: no root is a prefix of another answer', () => {
    assert.ok(!answerKeys('a10').root.startsWith(answerKeys('a1').root));
  });

  it('names chunks so that a listing sorts in recording order', () => {
    const keys = answerKeys('a1');
    const names = [10, 2, 100, 1].map((i) => keys.chunk(i, 'z'));
    assert.deepEqual(
      [...names].sort(),
      [1, 2, 10, 100].map((i) => keys.chunk(i, 'z')),
    );
  });
});
