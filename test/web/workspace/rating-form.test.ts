import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { harnessPages } from './component-harness.js';

interface SaveCall {
  answerId: string;
  score: number;
  comment: string;
}

describe('workspace component: <ws-rating-form> in Chromium', function () {
  this.timeout(60_000);
  const ui = harnessPages();
  let page: Page;

  /**
   * A rating form whose `save` records each call in window.saves and answers like the API.
   * `failFirst` makes the first save fail, as a dropped connection would.
   */
  async function mountForm(
    options: {
      rating?: { score: number; comment: string };
      failFirst?: boolean;
      anchors?: Record<string, string>;
      evidenceRequired?: boolean;
    } = {},
  ) {
    page = await ui.open();
    await page.evaluate(({ rating, failFirst, anchors, evidenceRequired }) => {
      const w = window as any;
      w.saves = [];
      w.saved = [];
      let failures = failFirst ? 1 : 0;
      document.addEventListener('ws-rating-saved', (e: any) => w.saved.push(e.detail.rating));
      const form = document.createElement('ws-rating-form') as any;
      form.answerId = 'answer-1';
      form.anchors = anchors ?? null;
      form.evidenceRequired = evidenceRequired ?? false;
      form.rating = rating
        ? {
            id: 'r1',
            answerId: 'answer-1',
            reviewer: { id: 'me', name: 'Me' },
            updatedAt: '',
            ...rating,
          }
        : null;
      form.save = async (answerId: string, input: { score: number; comment: string }) => {
        w.saves.push({ answerId, ...input });
        if (failures > 0) {
          failures -= 1;
          throw new TypeError('Failed to fetch');
        }
        return { id: 'r1', answerId, reviewer: { id: 'me', name: 'Me' }, updatedAt: '', ...input };
      };
      document.querySelector('#stage')!.append(form);
    }, options);
    await page.getByRole('radio', { name: '1' }).waitFor({ state: 'attached' });
  }

  const saves = () => page.evaluate<SaveCall[]>('window.saves');
  /** A save of the first answer, as the form calls `save`. */
  const onAnswer1 = (score: number, comment = ''): SaveCall => ({
    answerId: 'answer-1',
    score,
    comment,
  });
  const status = () => page.getByRole('status');
  /** Waits for the form to say the save went through. */
  const savedShown = () => status().getByText('Saved', { exact: true }).waitFor();

  it('saves a score as soon as it is chosen, and says so', async () => {
    await mountForm();
    await page.getByText('3', { exact: true }).click();
    await savedShown();
    assert.deepEqual(await saves(), [onAnswer1(3)]);
    assert.equal((await page.evaluate<any[]>('window.saved')).length, 1, 'ws-rating-saved sent');
    assert.equal(await page.getByRole('radio', { name: '3' }).isChecked(), true);
  });

  it('debounces a comment typed quickly into one save with the final text', async () => {
    await mountForm();
    await page.getByText('4', { exact: true }).click();
    await savedShown();
    await page
      .getByLabel('Comment (optional)')
      .pressSequentially('Clear and concrete.', { delay: 20 });
    await savedShown();
    assert.deepEqual(await saves(), [onAnswer1(4), onAnswer1(4, 'Clear and concrete.')]);
  });

  it('waits for a score before saving a comment', async () => {
    await mountForm();
    await page.getByLabel('Comment (optional)').fill('Thoughtful');
    await page.waitForTimeout(1200);
    assert.deepEqual(await saves(), []);
    await status().getByText('Choose a score to save your comment.').waitFor();
    await page.getByText('2', { exact: true }).click();
    await savedShown();
    assert.deepEqual(await saves(), [onAnswer1(2, 'Thoughtful')]);
  });

  it('shows an existing rating and saves edits to it', async () => {
    await mountForm({ rating: { score: 5, comment: 'Great' } });
    assert.equal(await page.getByRole('radio', { name: '5' }).isChecked(), true);
    assert.equal(await page.getByLabel('Comment (optional)').inputValue(), 'Great');
    await page.getByText('4', { exact: true }).click();
    await page.waitForFunction('window.saved.length === 1');
    await savedShown();
    assert.deepEqual(await saves(), [onAnswer1(4, 'Great')]);
  });

  it('scores from the keyboard: arrows move between scores, setScore() saves at once', async () => {
    await mountForm();
    await page.getByRole('radio', { name: '1' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await savedShown();
    assert.equal(await page.getByRole('radio', { name: '2' }).isChecked(), true);
    await page.evaluate(() => (document.querySelector('ws-rating-form') as any).setScore(5));
    await page.waitForFunction('window.saves.at(-1)?.score === 5');
    assert.equal(await page.getByRole('radio', { name: '5' }).isChecked(), true);
  });

  it('keeps a failed save and retries it', async () => {
    await mountForm({ failFirst: true });
    await page.getByText('3', { exact: true }).click();
    await status()
      .getByText(/Not saved/)
      .waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await savedShown();
    assert.deepEqual(await saves(), [onAnswer1(3), onAnswer1(3)]);
  });

  it('saves the comment of the previous answer when another answer comes on screen', async () => {
    await mountForm();
    await page.getByText('4', { exact: true }).click();
    await savedShown();
    await page.getByLabel('Comment (optional)').fill('Last words');
    await page.evaluate(() => {
      const form = document.querySelector('ws-rating-form') as any;
      form.rating = null;
      form.answerId = 'answer-2';
    });
    await page.waitForFunction('window.saves.length === 2');
    assert.deepEqual((await saves())[1], onAnswer1(4, 'Last words'));
    assert.equal(await page.getByLabel('Comment (optional)').inputValue(), '');
    assert.equal(await page.getByRole('radio', { name: '4' }).isChecked(), false);
  });

  it('has no serious accessibility violations', async () => {
    await mountForm({ rating: { score: 3, comment: '' } });
    assert.deepEqual(await seriousAxeViolations(page), []);
  });

  const ANCHORS = {
    '1': 'Blames others; no example.',
    '3': 'A real example, but vague about what they did.',
    '5': 'A specific example, their own actions, and what they learned.',
  };

  /** Name and description of each radio, from Chromium's own accessibility tree. */
  async function radios(): Promise<{ name: string; description: string; checked: boolean }[]> {
    const session = await page.context().newCDPSession(page);
    const found: { name: string; description: string; checked: boolean }[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const { nodes } = (await session.send('Accessibility.getFullAXTree')) as any;
      found.length = 0;
      for (const node of nodes) {
        if (node.role?.value !== 'radio') continue;
        const prop = (n: string) => node.properties?.find((p: any) => p.name === n)?.value?.value;
        found.push({
          name: node.name?.value ?? '',
          description: node.description?.value ?? '',
          checked: prop('checked') === 'true' || prop('checked') === true,
        });
      }
      if (found.length === 5) break;
      await page.waitForTimeout(100);
    }
    await session.detach();
    return found;
  }

  it('gives each score its anchor as the radio description; a checked radio keeps its name', async () => {
    await mountForm({ rating: { score: 4, comment: '' }, anchors: ANCHORS });
    await page.getByText(ANCHORS['5']).waitFor();
    const tree = await radios();
    assert.deepEqual(
      tree.map((r) => r.name),
      ['1', '2', '3', '4', '5'],
      'names are the digits alone, also the checked one (no "4 ✓")',
    );
    assert.equal(tree[3]!.checked, true);
    assert.equal(tree[0]!.description, ANCHORS['1']);
    assert.equal(tree[4]!.description, ANCHORS['5']);
    assert.equal(tree[1]!.description, 'No description for this score.');
    // The anchor text itself is a click target: it chooses its score.
    await page.getByText(ANCHORS['3']).click();
    await page.waitForFunction('window.saves.at(-1)?.score === 3');
    assert.equal(await page.getByRole('radio', { name: '3' }).isChecked(), true);
    assert.deepEqual(await seriousAxeViolations(page), []);
  });

  for (const anchors of [undefined, ANCHORS]) {
    it(`lets each visible score be clicked where it is drawn (${anchors ? 'with' : 'without'} anchors)`, async () => {
      await mountForm({ anchors });
      // A click at any corner of a score's box reaches that score's own radio (no neighbour's
      // hidden input lies over it).
      const hits = await page.evaluate(() => {
        const root = document.querySelector('ws-rating-form')!.shadowRoot!;
        return [1, 2, 3, 4, 5].map((n) => {
          const box = root.querySelector(`label[for="score-${n}"]`)!.getBoundingClientRect();
          const points = [
            [box.left + 8, box.top + 8],
            [box.right - 8, box.bottom - 8],
            [box.left + box.width / 2, box.top + box.height / 2],
          ];
          return points.map(([x, y]) => {
            const hit = root.elementFromPoint(x!, y!);
            return (hit?.closest('label') as HTMLLabelElement | null)?.htmlFor ?? hit?.id ?? null;
          });
        });
      });
      assert.deepEqual(
        hits,
        [1, 2, 3, 4, 5].map((n) => Array(3).fill(`score-${n}`)),
      );
      for (const n of [5, 2]) {
        await page.getByText(String(n), { exact: true }).click();
        await page.waitForFunction(`window.saves.at(-1)?.score === ${n}`);
      }
    });
  }

  it('with evidence required, waits for a comment of 20 characters before saving', async () => {
    await mountForm({ evidenceRequired: true });
    await page.getByText('4', { exact: true }).click();
    await status().getByText('Write at least 20 characters of evidence to save.').waitFor();
    await page.getByLabel('Evidence (at least 20 characters)').fill('Too short');
    await page.waitForTimeout(1200);
    assert.deepEqual(await saves(), []);
    await page
      .getByLabel('Evidence (at least 20 characters)')
      .fill('Named the customer, the fix and the follow-up.');
    await savedShown();
    assert.deepEqual(await saves(), [
      onAnswer1(4, 'Named the customer, the fix and the follow-up.'),
    ]);
  });
});
