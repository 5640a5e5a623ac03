import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { harnessPages } from './component-harness.js';

interface Call {
  method: string;
  path: string;
  body: any;
}

describe('workspace components: duplicate invitations and the feedback editor in Chromium', function () {
  this.timeout(60_000);
  const ui = harnessPages();
  let page: Page;

  /**
   * Mounts `tag` with a fake API that records calls in window.calls. Invitations: an address
   * in `known` is skipped (as the server does) unless `allowDuplicates`. Feedback: a draft
   * prefilled like the server's, for a candidate invited in French, saved and released in memory.
   */
  async function mount(tag: string, props: Record<string, string>) {
    page = await ui.open();
    await page.evaluate(
      ({ tag, props }) => {
        const w = window as any;
        w.calls = [];
        const known = ['ada@example.test'];
        let feedback = {
          summary: '',
          competencies: [
            { key: 'comm', name: 'Communication', text: 'Explains ideas clearly.' },
            { key: 'team', name: 'Teamwork', text: '' },
          ].map((c) => ({ ...c, generatedText: c.text })),
          releasedAt: null as string | null,
          language: 'fr',
        };
        const invitation = (c: { name: string; email: string }) => ({
          id: `inv-${c.email}`,
          candidate: { id: c.email, ...c },
          status: 'invited',
          url: `http://x/i/${c.email}`,
          expiresAt: '2027-01-01T00:00:00Z',
          completedAt: null,
        });
        const api = {
          request: async (path: string, init: RequestInit = {}) => {
            const body = init.body ? JSON.parse(String(init.body)) : undefined;
            // An installation without a mail server (not recorded: asked before each release).
            if (path === '/installation') return { emailEnabled: false };
            w.calls.push({ method: init.method ?? 'GET', path, body });
            if (path.endsWith('/invitations')) {
              const skip = (c: { email: string }) =>
                !body.allowDuplicates && known.includes(c.email);
              return {
                items: body.candidates.filter((c: any) => !skip(c)).map(invitation),
                skipped: body.candidates
                  .filter(skip)
                  .map((c: any) => ({ email: c.email, invitationId: 'inv-old' })),
              };
            }
            if (path.endsWith('/release')) {
              feedback = { ...feedback, releasedAt: '2027-02-01T10:00:00Z' };
            } else if (init.method === 'PUT') {
              feedback = {
                ...feedback,
                summary: body.summary,
                competencies: feedback.competencies.map((c) => ({
                  ...c,
                  text: body.competencies.find((x: any) => x.key === c.key).text,
                })),
              };
            }
            return feedback;
          },
        };
        const element = document.createElement(tag) as any;
        element.ctx = { api, user: { id: 'u', role: 'recruiter', name: 'R', email: 'r@x' } };
        Object.assign(element, props);
        document.querySelector('#stage')!.append(element);
      },
      { tag, props },
    );
  }

  const calls = () => page.evaluate<Call[]>('window.calls');

  it('flags an email already invited, skips it, and invites it again only when confirmed', async () => {
    await mount('ws-invite-form', { interviewId: 'int-1' });
    await page.getByText('Invite several from a list (CSV)').click();
    await page
      .getByLabel('Paste names and emails')
      .fill('Ada Lovelace, ada@example.test\nAlan Turing, alan@example.test');
    await page.getByRole('button', { name: 'Invite 2 candidate(s)' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('1 already invited to this interview, so not invited again:').waitFor();
    await alert.getByText('Ada Lovelace <ada@example.test>').waitFor();
    await page.getByText('1 candidate(s) invited.', { exact: false }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);

    await page.getByRole('button', { name: 'Invite these 1 again anyway' }).click();
    await page.getByText('1 candidate(s) invited.', { exact: false }).waitFor();
    await alert.waitFor({ state: 'detached' });
    const sent = (await calls()).map((c) => [
      c.body.candidates.map((x: any) => x.email),
      c.body.allowDuplicates,
    ]);
    assert.deepEqual(sent, [
      [['ada@example.test', 'alan@example.test'], undefined],
      [['ada@example.test'], true],
    ]);
  });

  it('edits the prefilled draft and releases it after a confirmation', async () => {
    await mount('ws-feedback-editor', { invitationId: 'inv-1', candidateName: 'Ada' });
    const communication = page.getByLabel('Communication');
    assert.equal(await communication.inputValue(), 'Explains ideas clearly.', 'prefilled');
    await page.getByLabel('Summary').fill('A warm, clear interview.');
    await page.getByLabel('Teamwork').fill('Credits colleagues.');
    assert.deepEqual(await seriousAxeViolations(page), []);

    // Issue 21: an in-page dialog, not the browser's confirm(): Escape cancels and gives focus
    // back to the button; only the dialog's own button releases.
    const native: string[] = [];
    page.on('dialog', (dialog) => {
      native.push(dialog.message());
      void dialog.dismiss();
    });
    const releaseButton = page.getByRole('button', { name: 'Release to the candidate' });
    await releaseButton.click();
    const ask = page.getByRole('dialog');
    await ask.getByText('Release this feedback to Ada?', { exact: false }).waitFor();
    // Without a mail server the dialog promises no email (issue 21, item 3).
    await ask.getByText('No email will be sent', { exact: false }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    assert.equal(
      await ask.getByRole('button', { name: 'Cancel' }).evaluate((b) => b.matches(':focus')),
      true,
      'Cancel has focus first',
    );
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    assert.equal(await releaseButton.evaluate((b) => b.matches(':focus')), true, 'focus is back');
    assert.equal((await calls()).length, 1, 'nothing saved or released on Escape');

    await releaseButton.click();
    await ask.getByRole('button', { name: 'Release', exact: true }).click();
    await page.getByText('Released: the candidate can now read it.').waitFor();
    assert.deepEqual(native, [], 'no native dialog');
    assert.deepEqual(
      (await calls()).map((c) => [c.method, c.path, c.body]),
      [
        ['GET', '/invitations/inv-1/feedback', undefined],
        [
          'PUT',
          '/invitations/inv-1/feedback',
          {
            summary: 'A warm, clear interview.',
            competencies: [
              { key: 'comm', text: 'Explains ideas clearly.' },
              { key: 'team', text: 'Credits colleagues.' },
            ],
          },
        ],
        ['POST', '/invitations/inv-1/feedback/release', undefined],
      ],
    );
    await page.getByRole('button', { name: 'Save and release again' }).waitFor();
  });

  // Issue 21 (item 6): the draft goes out unchanged unless edited, so before release the
  // question shows the candidate's language and the text as they will read it.
  it('shows, before release, the language and exactly what the candidate will read', async () => {
    await mount('ws-feedback-editor', { invitationId: 'inv-1', candidateName: 'Ada' });
    const releaseButton = page.getByRole('button', { name: 'Release to the candidate' });
    const ask = page.getByRole('dialog');
    const preview = ask.getByRole('region', { name: 'What Ada will read' });
    const asked = async () => {
      await releaseButton.click();
      await preview.waitFor();
      return {
        notes: await ask.locator('.note').allInnerTexts(),
        page: await preview.locator('[lang] > *').allInnerTexts(),
        lang: await preview.locator('[lang]').getAttribute('lang'),
      };
    };
    assert.deepEqual(await asked(), {
      notes: [
        'Goes out in French, the language of this candidate’s invitation.',
        'Not edited: the draft generated from the rubric goes out word for word.',
      ],
      // Headings in the candidate's language, as their page shows them; empty texts are left out.
      page: ['Votre retour', 'Communication', 'Explains ideas clearly.'],
      lang: 'fr',
    });
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });

    await page.getByLabel('Summary').fill('Thank you for your time.');
    await page.getByLabel('Teamwork').fill('You credited your colleagues.');
    assert.deepEqual(await asked(), {
      notes: [
        'Goes out in French, the language of this candidate’s invitation.',
        'Not edited, as generated from the rubric: Communication.',
      ],
      page: [
        'Votre retour',
        'Synthèse',
        'Thank you for your time.',
        'Communication',
        'Explains ideas clearly.',
        'Teamwork',
        'You credited your colleagues.',
      ],
      lang: 'fr',
    });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await calls()).length, 1, 'nothing saved or released on Cancel');
  });
});
