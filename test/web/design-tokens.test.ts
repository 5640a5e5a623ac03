import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contrastRatio } from '../../web-components/design/contrast.js';
import {
  PALETTE,
  type Scheme,
  TEXT_PAIRS,
  TYPE,
  tokenSheet,
  UI_PAIRS,
} from '../../web-components/design/palette.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The design tokens keep WCAG AA: a colour change that breaks it fails here. */
describe('design tokens: contrast and one source', () => {
  it('computes contrast as WCAG does (black on white 21:1, white on white 1:1, #767676 4.54:1)', () => {
    assert.equal(contrastRatio('#000000', '#ffffff').toFixed(2), '21.00');
    assert.equal(contrastRatio('#ffffff', '#ffffff'), 1);
    assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
  });

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    const colours = PALETTE[scheme];
    it(`${scheme}: every text colour on every background it is used on reaches 4.5:1`, () => {
      const failing = TEXT_PAIRS.map(([fg, bg]) => ({
        pair: `${fg} on ${bg}`,
        ratio: contrastRatio(colours[fg], colours[bg]),
      })).filter(({ ratio }) => ratio < 4.5);
      assert.deepEqual(failing, []);
    });

    it(`${scheme}: control edges, filled buttons and the focus ring reach 3:1 on every background`, () => {
      const failing = UI_PAIRS.map(([fg, bg]) => ({
        pair: `${fg} on ${bg}`,
        ratio: contrastRatio(colours[fg], colours[bg]),
      })).filter(({ ratio }) => ratio < 3);
      assert.deepEqual(failing, []);
    });
  }

  it('keeps body text at 16 px and the smallest text at 13 px or more', () => {
    assert.equal(TYPE.md[0], '1rem');
    for (const [size] of Object.values(TYPE)) assert.ok(Number.parseFloat(size) >= 0.8125, size);
  });

  it('declares each colour in both schemes and puts every token on the page root', async () => {
    assert.deepEqual(Object.keys(PALETTE.light).sort(), Object.keys(PALETTE.dark).sort());
    const sheet = tokenSheet(':root');
    for (const value of [...Object.values(PALETTE.light), ...Object.values(PALETTE.dark)])
      assert.ok(sheet.includes(value), value);
    // page.css reads the tokens instead of repeating colours of its own.
    const pageCss = await readFile(path.join(root, 'web-components/page.css'), 'utf8');
    assert.doesNotMatch(pageCss, /#[0-9a-f]{3,6}\b/i);
  });
});
