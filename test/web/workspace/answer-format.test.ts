import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { harnessPages } from './component-harness.js';

/** Issue 9: the interview editor's "sound only" setting, over a fake API that records calls. */
describe('workspace component: answer format in <ws-interview-editor>', function () {
  this.timeout(60_000);
  const ui = harnessPages();
  let page: Page;

  /** The editor for a new interview, or for "int-1" holding `allowAudioOnly`. */
  async function mount(existing: { allowAudioOnly: boolean } | null) {
    page = await ui.open();
    await page.evaluate((existing) => {
      const w = window as any;
      w.calls = [];
      const interview = {
        id: 'int-1',
        title: 'Support engineer',
        intro: '',
        deadline: null,
        createdAt: '2027-01-01T00:00:00.000Z',
        questions: [
          {
            id: 'q1',
            position: 0,
            prompt: 'Why us?',
            thinkSeconds: 30,
            maxSeconds: 60,
            retakes: 1,
          },
        ],
        competencies: [],
        review: {
          order: 'by-candidate',
          blind: true,
          hideVideoUntilRated: false,
          ratingsRequired: 2,
          evidenceRequired: false,
        },
        public: null,
        retentionDays: 365,
        privacyText: null,
        ...existing,
      };
      const saved =
        (method: string) =>
        async (...args: unknown[]) => {
          w.calls.push({ method, body: args.at(-1) });
          return interview;
        };
      const api = {
        interview: async () => interview,
        interviewStats: async () => ({ questionsLocked: false }),
        createInterview: saved('create'),
        updateInterview: saved('update'),
      };
      const editor = document.createElement('ws-interview-editor') as any;
      editor.ctx = { api, user: { id: 'u', role: 'recruiter', name: 'R', email: 'r@x' } };
      if (existing) editor.interviewId = 'int-1';
      document.querySelector('#stage')!.append(editor);
    }, existing);
    await page.getByRole('button', { name: 'Save interview' }).waitFor();
  }

  const calls = () => page.evaluate<{ method: string; body: any }[]>('window.calls');
  const checkbox = () => page.getByRole('checkbox', { name: 'Accept answers with sound only' });

  it('shows a forbidding interview unticked, and saves the box as ticked', async () => {
    await mount({ allowAudioOnly: false });
    assert.equal(await checkbox().isChecked(), false);
    await page.getByText(/Every answer is on video/).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);

    await checkbox().check();
    await page.getByText(/answers with sound only rather than not at all/).waitFor();
    await page.getByRole('button', { name: 'Save interview' }).click();
    await page.waitForFunction('window.calls.length === 1');
    const [call] = await calls();
    assert.equal(call!.method, 'update');
    assert.equal(call!.body.allowAudioOnly, true);
  });

  it('allows sound only in a new interview until the box is unticked, by keyboard', async () => {
    await mount(null);
    assert.equal(await checkbox().isChecked(), true);
    await page.getByLabel('Title').fill('Nurse');
    await page.getByLabel('Question asked').fill('Tell us about a hard shift.');
    await checkbox().focus();
    await page.keyboard.press('Space');
    assert.equal(await checkbox().isChecked(), false);
    await page.getByRole('button', { name: 'Save interview' }).click();
    await page.waitForFunction('window.calls.length === 1');
    const [call] = await calls();
    assert.equal(call!.method, 'create');
    assert.equal(call!.body.allowAudioOnly, false);
  });
});
