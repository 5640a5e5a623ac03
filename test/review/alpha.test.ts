import assert from 'node:assert/strict';
import { krippendorffAlpha } from '../../server/domain/review/alpha.js';
import { reviewerDeviations, round3 } from '../../server/domain/review/reliability.js';
import { shuffleFor } from '../../server/domain/review/shuffle.js';
import { blind } from '../../server/realtime/staff-events.js';

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing values. */
const N = null;
const OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
  [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
];
const UNITS = OBSERVERS[0]!.map((_, unit) =>
  OBSERVERS.map((o) => o[unit]).filter((v): v is number => v !== null),
);

describe("Krippendorff's alpha", () => {
  it('matches the worked example of Krippendorff (2011): interval .849, nominal .743', () => {
    const interval = krippendorffAlpha(UNITS, 'interval');
    assert.equal(interval.alpha!.toFixed(3), '0.849');
    // Unit 12 holds one value: not pairable, left out.
    assert.equal(interval.units, 11);
    assert.equal(interval.values, 40);
    assert.equal(krippendorffAlpha(UNITS, 'nominal').alpha!.toFixed(3), '0.743');
  });

  it('is 1 for perfect agreement and null without variation or with fewer than two units', () => {
    assert.equal(
      krippendorffAlpha([
        [1, 1],
        [5, 5, 5],
        [3, 3],
      ]).alpha,
      1,
    );
    assert.equal(
      krippendorffAlpha([
        [4, 4],
        [4, 4, 4],
      ]).alpha,
      null,
      'no variation at all',
    );
    assert.equal(krippendorffAlpha([[1, 5]]).alpha, null, 'one unit');
    assert.deepEqual(krippendorffAlpha([[2], [3], []]), { alpha: null, units: 0, values: 0 });
  });

  it('matches hand-computed cases', () => {
    // Two units {1,5} and {5,1}: D_o = (16·2 + 16·2)/4 = 16; D_e = 2·(2·2·16)/(4·3) = 32/3.
    assert.equal(
      krippendorffAlpha([
        [1, 5],
        [5, 1],
      ]).alpha,
      1 - 16 / (32 / 3),
    );
    // {4,2} {5,5} {3,3,4} {2,4}: D_o = 18/9 = 2, D_e = 184/72 → α = 5/23.
    const mixed = krippendorffAlpha([
      [4, 2],
      [5, 5],
      [3, 3, 4],
      [2, 4],
    ]);
    assert.ok(Math.abs(mixed.alpha! - 5 / 23) < 1e-12, String(mixed.alpha));
    // {4,2} {3,3,4}: D_o = 10/5 = 2, D_e = 28/20 → α = −3/7 (worse than chance).
    assert.ok(
      Math.abs(
        krippendorffAlpha([
          [4, 2],
          [3, 3, 4],
        ]).alpha! +
          3 / 7,
      ) < 1e-12,
    );
  });
});

describe('reviewers’ mean deviation', () => {
  it('averages each score minus the mean of the others on that unit, to 3 decimals', () => {
    const unit = (...scores: [string, number][]) => ({
      values: scores.map(([reviewerId, score]) => ({ reviewerId, score })),
    });
    const units = [
      unit(['a', 4], ['b', 2]),
      unit(['a', 5], ['b', 5]),
      unit(['a', 3], ['b', 3], ['c', 4]),
      unit(['a', 2], ['b', 4]),
      unit(['a', 1], ['c', 2], ['b', 2]),
    ];
    const names = ['a', 'b', 'c'].map((id) => ({ reviewerId: id, reviewerName: `R${id}` }));
    assert.deepEqual(reviewerDeviations(units, names), [
      // a: (2 + 0 − 0.5 − 2 − 1) / 5
      { reviewer: { id: 'a', name: 'Ra' }, ratings: 5, meanDeviation: -0.3 },
      // b: (−2 + 0 − 0.5 + 2 + 0.5) / 5
      { reviewer: { id: 'b', name: 'Rb' }, ratings: 5, meanDeviation: 0 },
      // c: (1 + 0.5) / 2
      { reviewer: { id: 'c', name: 'Rc' }, ratings: 2, meanDeviation: 0.75 },
    ]);
    assert.equal(round3(2 / 3), 0.667);
    assert.ok(Object.is(round3(-0.0001), 0), 'no negative zero');
  });
});

describe('question-by-question order', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `answer-${String(i).padStart(2, '0')}`);
  const order = (reviewer: string) => shuffleFor('server secret', reviewer, ids, (id) => id);

  it('is stable for one reviewer, differs between reviewers and from the given order', () => {
    assert.deepEqual(order('alice'), order('alice'));
    assert.notDeepEqual(order('alice'), order('bob'));
    assert.notDeepEqual(order('alice'), ids);
    assert.deepEqual([...order('bob')].sort(), ids, 'a permutation');
    // Another server key gives another order: the order cannot be computed without it.
    assert.notDeepEqual(
      shuffleFor('other secret', 'alice', ids, (id) => id),
      order('alice'),
    );
  });
});

describe('staff events are blind', () => {
  it('drops a candidate’s name and email from any event payload, keeping id and label', () => {
    const payload = {
      invitationId: 'i1',
      candidate: { id: 'c1', label: 'Candidate 3', name: 'Ada', email: 'ada@x.test' },
      items: [{ candidate: { id: 'c2', name: 'Bob' } }],
    };
    assert.deepEqual(blind(payload), {
      invitationId: 'i1',
      candidate: { id: 'c1', label: 'Candidate 3' },
      items: [{ candidate: { id: 'c2' } }],
    });
  });
});
