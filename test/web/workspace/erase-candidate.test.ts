import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { harnessPages } from './component-harness.js';

describe('workspace components: an admin erases a candidate from the list, in Chromium', function () {
  this.timeout(60_000);
  const ui = harnessPages();
  let page: Page;

  /**
   * Mounts the candidates list of one interview for a user of `role`, over a fake API holding
   * two invitations; `eraseInvitation` removes one (as the server's 204 does) and is recorded
   * in window.erased. `failErase` makes it answer 403 instead.
   */
  async function mount(role: string, failErase = false) {
    page = await ui.open();
    await page.evaluate(
      ({ role, failErase }) => {
        const w = window as any;
        w.erased = [];
        const invitation = (id: string, name: string, email: string) => ({
          id,
          candidate: { id: `c-${id}`, name, email },
          status: 'completed',
          url: null,
          expiresAt: '2027-01-01T00:00:00Z',
          completedAt: '2026-11-01T10:00:00Z',
        });
        let items = [
          invitation('inv-ada', 'Ada Lovelace', 'ada@example.test'),
          invitation('inv-alan', 'Alan Turing', 'alan@example.test'),
        ];
        const api = {
          invitations: async () => items,
          eraseInvitation: async (id: string) => {
            if (failErase) {
              const error = Object.assign(new Error('Your role does not allow this.'), {
                status: 403,
                code: 'forbidden',
              });
              throw error;
            }
            w.erased.push(id);
            items = items.filter((i) => i.id !== id);
            return null;
          },
          request: async () => ({}),
        };
        const element = document.createElement('ws-invitation-panel') as any;
        element.ctx = { api, user: { id: 'u', role, name: 'U', email: 'u@x' } };
        element.interviewId = 'int-1';
        document.querySelector('#stage')!.append(element);
      },
      { role, failErase },
    );
    await page.getByRole('cell', { name: 'Ada Lovelace', exact: true }).waitFor();
  }

  it('says what will go, keeps everything on Cancel or Escape, and erases on confirm', async () => {
    await mount('admin');
    const opener = page.getByRole('button', { name: 'Erase Ada Lovelace…' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Erase Ada Lovelace?' });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    for (const part of [
      'ada@example.test',
      'every recording',
      'the ratings, the decision and the feedback',
      'It cannot be undone.',
      'The audit trail keeps the fact that a candidate was erased, without the name.',
    ])
      assert.ok(text.includes(part), `the dialog says "${part}"`);
    // Focus starts on the harmless choice, and Escape closes with nothing erased.
    assert.equal(
      await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.textContent?.trim();
      }),
      'Cancel',
    );
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await opener.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await page.evaluate('window.erased'), []);

    await opener.click();
    await dialog.getByRole('button', { name: 'Erase Ada Lovelace for good' }).click();
    await page.getByRole('status').getByText('Ada Lovelace was erased.').waitFor();
    await page
      .getByRole('cell', { name: 'Ada Lovelace', exact: true })
      .waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Alan Turing', exact: true }).waitFor();
    assert.deepEqual(await page.evaluate('window.erased'), ['inv-ada']);
    await page.getByRole('heading', { name: 'Candidates' }).evaluate((h) => {
      if (
        h.getRootNode() instanceof ShadowRoot &&
        (h.getRootNode() as ShadowRoot).activeElement !== h
      )
        throw new Error('focus is not on the list heading');
    });
  });

  it('keeps the dialog open with the reason when the server refuses', async () => {
    await mount('admin', true);
    await page.getByRole('button', { name: 'Erase Ada Lovelace…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Ada Lovelace?' });
    await dialog.getByRole('button', { name: 'Erase Ada Lovelace for good' }).click();
    await dialog.getByRole('alert').waitFor();
    await page.getByRole('cell', { name: 'Ada Lovelace', exact: true }).waitFor();
  });

  it('offers no erase action to a recruiter', async () => {
    await mount('recruiter');
    await page.getByRole('cell', { name: 'Alan Turing', exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Erase/ }).count(), 0);
  });
});
