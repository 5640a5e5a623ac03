import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type {
  CreateShareRequest,
  GuestRatingItem,
  Share,
} from '../../../server/contracts/sharing.js';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { harnessPages, useShellColours } from './component-harness.js';
import { confirmWithEnter, openThenEscape } from './in-page-confirm.js';

const DAY = 24 * 3600 * 1000;

/** The element that has focus, through shadow roots. */
function focused(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const text =
      el?.tagName === 'BUTTON' || el?.tagName === 'H2' ? ` ${el.textContent?.trim()}` : '';
    return `${el?.tagName.toLowerCase()}#${el?.id ?? ''}${text}`;
  });
}

describe('workspace components: sharing a candidate with a hiring manager, in Chromium', function () {
  this.timeout(60_000);
  const ui = harnessPages();
  let page: Page;

  /**
   * Mounts the shares of one candidate over a fake API holding a share opened twice, an expired
   * one and a guest rating. Creations and revocations are recorded in window.created and
   * window.revoked; `refuse` makes create answer 409 not_completed.
   */
  async function mount(refuse = false) {
    page = await ui.open();
    await useShellColours(page);
    const now = Date.now();
    const shares: Share[] = [
      {
        id: 'sh-1',
        recipientName: 'Paul Lefèvre',
        expiresAt: new Date(now + 5 * DAY).toISOString(),
        showName: false,
        allowRating: true,
        createdBy: { id: 'u', name: 'Rita Recruiter' },
        opens: 2,
        lastOpenedAt: new Date(now - DAY).toISOString(),
      },
      {
        id: 'sh-old',
        recipientName: 'Old Manager',
        expiresAt: new Date(now - DAY).toISOString(),
        showName: true,
        allowRating: false,
        createdBy: { id: 'u', name: 'Rita Recruiter' },
        opens: 0,
        lastOpenedAt: null,
      },
    ];
    const ratings: GuestRatingItem[] = [
      {
        shareId: 'sh-1',
        recipientName: 'Paul Lefèvre',
        answerId: 'ans-2',
        score: 4,
        comment: 'Would hire for the Lyon boutique.',
        updatedAt: new Date(now - DAY).toISOString(),
      },
    ];
    await page.evaluate(
      ({ shares, ratings, refuse }) => {
        const w = window as any;
        w.created = [];
        w.revoked = [];
        let current = shares;
        const api = {
          shares: async () => current,
          guestRatings: async () => ratings,
          createShare: async (invitationId: string, body: Required<CreateShareRequest>) => {
            w.created.push({ invitationId, body });
            if (refuse)
              throw new w.workspaceHarness.ApiError(409, 'not_completed', 'Not completed.');
            const share = {
              id: 'sh-new',
              recipientName: body.recipientName,
              expiresAt: new Date(Date.now() + body.expiresInDays * 864e5).toISOString(),
              showName: body.showName,
              allowRating: body.allowRating,
              createdBy: { id: 'u', name: 'Rita Recruiter' },
              opens: 0,
              lastOpenedAt: null,
            };
            current = [...current, share];
            return { ...share, url: 'http://interviews.example/s/Zk3v9-secret-token' };
          },
          revokeShare: async (id: string) => {
            w.revoked.push(id);
            current = current.filter((s: { id: string }) => s.id !== id);
            return null;
          },
        };
        const element = document.createElement('ws-shares-panel') as any;
        element.ctx = { api, user: { id: 'u', role: 'recruiter', name: 'Rita', email: 'r@x' } };
        element.invitationId = 'inv-7';
        element.candidateLabel = 'Candidate 7';
        element.questionOf = (answerId: string) => (answerId === 'ans-2' ? 'Question 2' : '');
        document.querySelector('#stage')!.append(element);
      },
      { shares, ratings, refuse },
    );
    await page.getByText('Paul Lefèvre', { exact: true }).first().waitFor();
  }

  it('creates a link from the keyboard with the defaults, then shows it once with a copy button', async () => {
    await mount();
    await page.getByRole('button', { name: 'Share with a hiring manager…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share with a hiring manager' });
    await dialog.waitFor();
    assert.equal(await focused(page), 'input#recipient', 'focus starts on the first field');
    assert.equal(
      await dialog.getByRole('spinbutton', { name: 'Link works for (days)' }).inputValue(),
      '7',
    );
    assert.equal(
      await dialog
        .getByRole('checkbox', {
          name: /Show the candidate's name \(otherwise they see "Candidate 7"\)/,
        })
        .isChecked(),
      false,
    );
    assert.equal(
      await dialog.getByRole('checkbox', { name: /Let them rate each answer/ }).isChecked(),
      true,
    );
    assert.deepEqual(await seriousAxeViolations(page), []);

    // Beyond 30 days the browser refuses the form: nothing is sent.
    await page.keyboard.type('Claire Martin');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31');
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate('window.created'), []);
    await dialog.getByRole('spinbutton', { name: 'Link works for (days)' }).fill('7');
    await page.keyboard.press('Enter');

    const created = page.getByRole('dialog', { name: 'Link for Claire Martin' });
    await created.waitFor();
    assert.deepEqual(await page.evaluate('window.created'), [
      {
        invitationId: 'inv-7',
        body: {
          recipientName: 'Claire Martin',
          expiresInDays: 7,
          showName: false,
          allowRating: true,
        },
      },
    ]);
    await created
      .getByText('Copy it now: for security it is not stored and cannot be shown again.')
      .waitFor();
    const url = created.getByRole('textbox', { name: 'Link for Claire Martin' });
    assert.equal(await url.inputValue(), 'http://interviews.example/s/Zk3v9-secret-token');
    assert.equal(await focused(page), 'input#share-url');
    await created.getByRole('button', { name: 'Copy' }).click();
    await created
      .getByRole('status')
      .getByText(/Link copied\.|Copying is blocked here/)
      .waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'hidden' });
    // The list has the new link, without its address: the server never gives it again.
    await page.getByText('Claire Martin', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Revoke the link for Claire Martin' }).waitFor();
    assert.equal(await page.getByText('Zk3v9-secret-token').count(), 0);
  });

  it('says why when the candidate has not finished, and keeps the form', async () => {
    await mount(true);
    await page.getByRole('button', { name: 'Share with a hiring manager…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share with a hiring manager' });
    await dialog.getByRole('textbox', { name: 'Who is it for?' }).fill('Claire Martin');
    await dialog.getByRole('checkbox', { name: /Show the candidate's name/ }).check();
    await dialog.getByRole('button', { name: 'Create the link' }).click();
    await dialog
      .getByRole('alert')
      .getByText('Only a candidate who has finished can be shared.')
      .waitFor();
    const sent = (await page.evaluate('window.created')) as { body: { showName: boolean } }[];
    assert.equal(sent[0]!.body.showName, true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('lists opens, last opened and expiry, revokes after asking in the page, and shows guest ratings as not counted', async () => {
    await mount();
    await page.getByText('Opened 2 time(s), last on').waitFor();
    await page.getByText('Not opened yet').waitFor();
    await page.getByText('Expired', { exact: true }).waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Revoke the link for Old Manager' }).count(),
      0,
    );
    await page.getByText('Name hidden · May rate · made by Rita Recruiter').waitFor();

    const ratings = page.getByRole('list', { name: 'Hiring managers’ ratings' });
    await ratings.getByText('Question 2').waitFor();
    await ratings.getByText('4 out of 5').waitFor();
    await ratings.getByText('Would hire for the Lyon boutique.').waitFor();
    await page
      .getByText(
        'Not counted: these ratings never enter results, reviewer agreement or fairness figures.',
      )
      .waitFor();

    const revoke = page.getByRole('button', {
      name: 'Revoke the link for Paul Lefèvre',
      exact: true,
    });
    await revoke.click();
    const confirm = page.getByRole('group', { name: 'Revoke the link for Paul Lefèvre?' });
    await confirm.getByRole('button', { name: 'Keep the link' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal(
      await focused(page),
      'button# Revoke the link for Paul Lefèvre',
      'focus is back on the Revoke button',
    );
    await openThenEscape(page, confirm);
    assert.deepEqual(await page.evaluate('window.revoked'), []);
    await confirmWithEnter(page, revoke, 'The link for Paul Lefèvre no longer works.');
    assert.deepEqual(await page.evaluate('window.revoked'), ['sh-1']);
    await revoke.waitFor({ state: 'detached' });
    assert.equal(await focused(page), 'h2#shares-title Hiring managers');
    assert.deepEqual(await seriousAxeViolations(page), []);
  });
});
