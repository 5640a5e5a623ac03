import assert from 'node:assert/strict';
import {
  compareWithReference,
  erfc,
  fisherExactTwoSided,
  impactRatio,
  round4,
  twoProportionZ,
} from '../../server/domain/fairness/statistics.js';

/** Relative closeness: the printed digits of a published value. */
function near(actual: number, expected: number, relative = 1e-12): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  assert.ok(Math.abs(actual - expected) / scale <= relative, `expected ${expected}, got ${actual}`);
}

describe('adverse-impact statistics', () => {
  describe("Fisher's exact test, two-sided, as R's fisher.test", () => {
    it("tea tasting (R's example, Agresti 1990): [[3,1],[1,3]] → 0.4857", () => {
      assert.equal(fisherExactTwoSided(3, 1, 1, 3).toFixed(4), '0.4857');
      near(fisherExactTwoSided(3, 1, 1, 3), 34 / 70);
    });

    it("convictions of twins (R's example, Fisher 1962): [[2,15],[10,3]] → 0.0005367", () => {
      assert.equal(fisherExactTwoSided(2, 15, 10, 3).toPrecision(4), '0.0005367');
    });

    it('dieting by sex (the classic textbook table): [[1,9],[11,3]] → 0.002759', () => {
      assert.equal(fisherExactTwoSided(1, 9, 11, 3).toPrecision(4), '0.002759');
    });

    it('the EEOC worked example: 12 of 40 against 48 of 80 → 0.0034', () => {
      assert.equal(fisherExactTwoSided(12, 28, 48, 32).toFixed(4), '0.0034');
      // Row and column order do not change a two-sided p.
      near(fisherExactTwoSided(48, 32, 12, 28), fisherExactTwoSided(12, 28, 48, 32), 1e-12);
      near(fisherExactTwoSided(12, 48, 28, 32), fisherExactTwoSided(12, 28, 48, 32), 1e-12);
    });

    it('handles extreme and degenerate tables', () => {
      // Perfect separation: 2 / C(10, 5) = 2/252.
      near(fisherExactTwoSided(0, 5, 5, 0), 2 / 252);
      assert.equal(fisherExactTwoSided(5, 0, 5, 0), 1);
      assert.equal(fisherExactTwoSided(0, 0, 0, 0), 1);
      // Large counts neither overflow nor lose the tail.
      const p = fisherExactTwoSided(600, 400, 300, 700);
      assert.ok(p > 0 && p < 1e-30, String(p));
      assert.throws(() => fisherExactTwoSided(-1, 2, 3, 4), RangeError);
    });
  });

  describe('pooled two-proportion z-test', () => {
    it('matches the EEOC example: 48/80 vs 12/40 → z 3.10, p 0.0019', () => {
      const { z, pTwoSided } = twoProportionZ({ n: 40, selected: 12 }, { n: 80, selected: 48 });
      assert.equal(z.toFixed(2), '3.10');
      assert.equal(pTwoSided.toFixed(4), '0.0019');
    });

    it('is 0 with p 1 when nobody (or everybody) was selected', () => {
      assert.deepEqual(twoProportionZ({ n: 5, selected: 0 }, { n: 9, selected: 0 }), {
        z: 0,
        pTwoSided: 1,
      });
      assert.deepEqual(twoProportionZ({ n: 5, selected: 5 }, { n: 9, selected: 9 }), {
        z: 0,
        pTwoSided: 1,
      });
    });
  });

  it('erfc is accurate across its range (reference values: Cephes/SciPy erfc)', () => {
    const known: [number, number][] = [
      [0, 1],
      [0.1, 0.8875370839817152],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028516],
      [1.5, 0.03389485352468927],
      [2, 0.004677734981047266],
      [3, 2.2090496998585445e-5],
      [5, 1.5374597944280347e-12],
      [10, 2.0884875837625446e-45],
      [20, 5.395865611607901e-176],
    ];
    for (const [x, value] of known) near(erfc(x), value, 1e-13);
    near(erfc(-1), 2 - 0.15729920705028516, 1e-15);
  });

  it('compares a group with the reference as the four-fifths rule reads it', () => {
    const reference = { n: 80, selected: 48 };
    const group = { n: 40, selected: 12 };
    assert.equal(impactRatio(group, reference), 0.5);
    const c = compareWithReference(group, reference);
    assert.deepEqual(
      {
        impactRatio: round4(c.impactRatio),
        z: round4(c.z),
        pTwoSided: round4(c.pTwoSided),
        pFisher: round4(c.pFisher),
        flagged: c.flagged,
      },
      { impactRatio: 0.5, z: 3.0984, pTwoSided: 0.0019, pFisher: 0.0034, flagged: true },
    );
    // Under four-fifths but not significant: no flag (small samples).
    assert.equal(compareWithReference({ n: 5, selected: 2 }, { n: 6, selected: 4 }).flagged, false);
    // Significant but above four-fifths: no flag.
    assert.equal(
      compareWithReference({ n: 5000, selected: 4200 }, { n: 5000, selected: 4500 }).flagged,
      false,
    );
  });
});
