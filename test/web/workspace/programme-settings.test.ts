import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { harnessPages } from './component-harness.js';

interface Call {
  method: string;
  path: string;
  body: any;
}

describe('workspace component: <ws-programme-settings> in Chromium', function () {
  this.timeout(60_000);
  const ui = harnessPages({ timezoneId: 'Europe/Paris' });
  let page: Page;

  /**
   * The settings of interview "int-1" over a fake API that records each call in window.calls and
   * answers like the server; `settings` is what the interview holds, `refuse` a problem code
   * that the PATCH answers with.
   */
  async function mount(options: { settings?: unknown; refuse?: string } = {}) {
    page = await ui.open();
    await page.evaluate(({ settings, refuse }) => {
      const w = window as any;
      w.calls = [];
      const interview = { id: 'int-1', title: 'Été 2027: Graduates!', public: settings ?? null };
      const api = {
        interview: async () => interview,
        request: async (path: string, init: RequestInit) => {
          const body = JSON.parse(String(init.body));
          w.calls.push({ method: init.method, path, body });
          if (refuse) throw Object.assign(new Error('refused'), { status: 409, code: refuse });
          interview.public = body.public;
          return interview;
        },
      };
      const form = document.createElement('ws-programme-settings') as any;
      form.ctx = { api, user: { id: 'u', role: 'recruiter', name: 'R', email: 'r@x' } };
      form.interviewId = 'int-1';
      document.querySelector('#stage')!.append(form);
    }, options);
    await page.getByLabel('Link address').waitFor();
  }

  const calls = () => page.evaluate<Call[]>('window.calls');

  it('opens a programme for two cities with their own closing dates and an eligibility question', async () => {
    await mount();
    assert.equal(await page.getByLabel('Link address').inputValue(), 'ete-2027-graduates');
    await page.getByText('The link is closed: nobody can apply.').waitFor();

    await page.getByLabel('Accept applications through a public link').check();
    await page.getByRole('textbox', { name: 'Location 1', exact: true }).fill('Paris');
    await page.getByLabel('Applications close').fill('2027-03-31T18:00');
    await page.getByRole('button', { name: '+ Add a location' }).click();
    // Focus moves to the new row, so the keyboard user types straight into it.
    await page.keyboard.type('Saint-Étienne');
    await page.getByLabel('Applications close').nth(1).fill('2027-04-15T12:00');
    await page.getByRole('button', { name: '+ Add an eligibility question' }).click();
    await page.keyboard.type('Do you have the right to work in France?');
    await page.getByRole('button', { name: 'Save public applications' }).click();
    await page.getByRole('status').getByText('Saved. The public link is open.').waitFor();

    assert.deepEqual(await calls(), [
      {
        method: 'PATCH',
        path: '/interviews/int-1',
        body: {
          public: {
            enabled: true,
            slug: 'ete-2027-graduates',
            locations: [
              { key: 'paris', name: 'Paris', deadline: '2027-03-31T16:00:00.000Z' },
              { key: 'saint-etienne', name: 'Saint-Étienne', deadline: '2027-04-15T10:00:00.000Z' },
            ],
            eligibility: [
              {
                key: 'do-you-have-the-right-to-work-in-fra',
                prompt: 'Do you have the right to work in France?',
                requiredAnswer: true,
              },
            ],
          },
        },
      },
    ]);
    const link = page.getByLabel('Public link (open)');
    assert.equal(await link.inputValue(), `${ui.harness.url}/apply/ete-2027-graduates`);
    assert.deepEqual(await seriousAxeViolations(page), []);
  });

  it('keeps the keys of saved rows, and sends nothing while a required field is empty', async () => {
    await mount({
      settings: {
        enabled: true,
        slug: 'grads',
        locations: [{ key: 'lyon-1', name: 'Lyon', deadline: '2027-05-01T08:00:00.000Z' }],
        eligibility: [{ key: 'rtw', prompt: 'Right to work?', requiredAnswer: true }],
        consentText: 'We keep it 1 year.',
      },
    });
    assert.equal(await page.getByLabel('Applications close').inputValue(), '2027-05-01T10:00');
    await page.getByRole('button', { name: '+ Add a location' }).click();
    await page.getByRole('button', { name: 'Save public applications' }).click();
    assert.deepEqual(await calls(), [], 'the new location has no name yet');

    await page.getByRole('textbox', { name: 'Location 2', exact: true }).fill('Lyon');
    await page.getByLabel('Applications close').nth(1).fill('2027-06-01T10:00');
    await page.getByRole('textbox', { name: 'Location 1', exact: true }).fill('Lyon (centre)');
    await page.getByLabel('Answer needed to apply').selectOption('no');
    await page.getByRole('button', { name: 'Save public applications' }).click();
    await page.getByRole('status').getByText('Saved. The public link is open.').waitFor();
    const [saved] = await calls();
    assert.deepEqual(
      saved!.body.public.locations.map((l: { key: string; name: string }) => [l.key, l.name]),
      [
        ['lyon-1', 'Lyon (centre)'],
        ['lyon', 'Lyon'],
      ],
    );
    assert.deepEqual(saved!.body.public.eligibility, [
      { key: 'rtw', prompt: 'Right to work?', requiredAnswer: false },
    ]);
    assert.equal(saved!.body.public.consentText, 'We keep it 1 year.');
  });

  it('says plainly when another interview has the address', async () => {
    await mount({ refuse: 'slug_taken' });
    await page.getByRole('textbox', { name: 'Location 1', exact: true }).fill('Paris');
    await page.getByLabel('Applications close').fill('2027-03-31T18:00');
    await page.getByRole('button', { name: 'Save public applications' }).click();
    await page
      .getByRole('alert')
      .getByText('Another interview already uses this address. Choose another one.')
      .waitFor();
    await page.getByText('The link is closed: nobody can apply.').waitFor();
  });
});
