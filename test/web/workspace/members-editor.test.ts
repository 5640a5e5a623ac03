import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { StaffMember } from '../../../server/contracts/api.js';
import type { Member } from '../../../server/contracts/sharing.js';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { harnessPages, useShellColours } from './component-harness.js';
import { confirmWithEnter, openThenEscape } from './in-page-confirm.js';

const staff = (
  id: string,
  name: string,
  role: StaffMember['role'],
  active = true,
): StaffMember => ({
  id,
  name,
  email: `${id}@example.test`,
  role,
  active,
});

const STAFF: StaffMember[] = [
  staff('alice', 'Alice Martin', 'recruiter'),
  staff('bob', 'Bob Durand', 'reviewer'),
  staff('carol', 'Carol Petit', 'recruiter'),
  staff('dave', 'Dave Roux', 'reviewer'),
  staff('eve', 'Eve Admin', 'admin'),
  staff('frank', 'Frank Gone', 'reviewer', false),
  staff('elodie', 'Élodie Bernard', 'reviewer'),
];

const member = (s: StaffMember, role: Member['role']): Member => ({
  user: { id: s.id, name: s.name, email: s.email },
  role,
});

/** The element that has focus, through shadow roots. */
function focused(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName.toLowerCase()} ${(el as HTMLInputElement)?.type === 'search' ? '[search]' : (el?.textContent?.trim() ?? '')}`;
  });
}

describe('workspace components: the members editor of an interview, in Chromium', function () {
  this.timeout(60_000);
  const ui = harnessPages();
  let page: Page;

  /**
   * Mounts the editor for a user of `role` over a fake API: Alice (recruiter) and Bob (reviewer)
   * are members. Every PUT is recorded in window.sent; `refuse` makes it answer a 400.
   */
  async function mount(role: 'admin' | 'recruiter', refuse = false) {
    page = await ui.open();
    await useShellColours(page);
    await page.evaluate(
      ({ role, refuse, staff, members }) => {
        const w = window as any;
        w.sent = [];
        w.listedUsers = 0;
        let current = members;
        const api = {
          members: async () => current,
          users: async () => {
            w.listedUsers++;
            return staff;
          },
          setMembers: async (
            interviewId: string,
            items: { userId: string; role: Member['role'] }[],
          ) => {
            w.sent.push({ interviewId, items });
            if (refuse)
              throw new w.workspaceHarness.ApiError(
                400,
                'validation',
                'A reviewer account can only be a reviewer member.',
              );
            current = items.map((i) => {
              const s = staff.find((x) => x.id === i.userId)!;
              return { user: { id: s.id, name: s.name, email: s.email }, role: i.role };
            });
            return current;
          },
        };
        const element = document.createElement('ws-members-editor') as any;
        element.ctx = {
          api,
          user: { id: role === 'admin' ? 'eve' : 'alice', role, name: 'Me', email: 'me@x' },
        };
        element.interviewId = 'int-1';
        document.querySelector('#stage')!.append(element);
      },
      {
        role,
        refuse,
        staff: STAFF,
        members: [member(STAFF[0]!, 'recruiter'), member(STAFF[1]!, 'reviewer')],
      },
    );
    await page.getByText('alice@example.test', { exact: true }).waitFor();
  }

  it('lists the members with their role, one distinctly named action each', async () => {
    await mount('admin');
    assert.equal(await page.getByRole('list', { name: 'Team' }).getByRole('listitem').count(), 2);
    await page.getByText('alice@example.test', { exact: true }).waitFor();
    await page.getByText('bob@example.test', { exact: true }).waitFor();
    assert.equal(
      await page.getByRole('combobox', { name: 'Role of Alice Martin' }).inputValue(),
      'recruiter',
    );
    // Bob's account is a reviewer's: he can only be a reviewer member, so no choice is offered.
    assert.equal(await page.getByRole('combobox', { name: 'Role of Bob Durand' }).count(), 0);
    await page.getByText('(reviewer account)').waitFor();
    await page.getByRole('button', { name: 'Remove Alice Martin' }).waitFor();
    await page.getByRole('button', { name: 'Remove Bob Durand' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Remove', exact: true }).count(), 0);
    assert.deepEqual(await seriousAxeViolations(page), []);
  });

  it('finds staff by name or email (accents aside), never admins or disabled accounts, and adds with the keyboard', async () => {
    await mount('admin');
    const search = page.getByRole('searchbox', { name: 'Add staff: search by name or email' });
    await search.focus();
    await page.keyboard.type('eve');
    await page.getByText('0 match(es)').waitFor(); // Eve is an admin: she needs no membership
    await search.fill('frank');
    await page.getByText('0 match(es)').waitFor(); // disabled
    await search.fill('elodie');
    await page.getByRole('button', { name: 'Add Élodie Bernard as reviewer' }).waitFor();
    await search.fill('carol');
    await page.getByRole('button', { name: 'Add Carol Petit as recruiter' }).waitFor();
    await search.fill('dave@');
    await page.getByText('1 match(es)').waitFor();
    // A reviewer account is offered as a reviewer only.
    assert.equal(await page.getByRole('button', { name: 'Add Dave Roux as recruiter' }).count(), 0);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'button Add Dave Roux as reviewer');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Dave Roux was added as a reviewer.').waitFor();
    assert.deepEqual(await page.evaluate('window.sent'), [
      {
        interviewId: 'int-1',
        items: [
          { userId: 'alice', role: 'recruiter' },
          { userId: 'bob', role: 'reviewer' },
          { userId: 'dave', role: 'reviewer' },
        ],
      },
    ]);
    await page.getByText('dave@example.test', { exact: true }).waitFor();
    assert.equal(await focused(page), 'input [search]', 'back in the search, to add the next');

    await search.fill('carol');
    await page.getByRole('button', { name: 'Add Carol Petit as reviewer' }).click();
    await page.getByRole('combobox', { name: 'Role of Carol Petit' }).selectOption('recruiter');
    await page.getByRole('status').getByText('Carol Petit is now recruiter.').waitFor();
    const last = ((await page.evaluate('window.sent')) as { items: unknown[] }[]).at(-1)!;
    assert.deepEqual(last.items.at(-1), { userId: 'carol', role: 'recruiter' });
  });

  it('asks in the page before removing, and Keep changes nothing', async () => {
    await mount('admin');
    const remove = page.getByRole('button', { name: 'Remove Bob Durand', exact: true });
    await remove.click();
    const confirm = page.getByRole('group', { name: 'Remove Bob Durand?' });
    await confirm.getByText('Bob Durand will no longer see this interview').waitFor();
    assert.equal(await remove.getAttribute('aria-expanded'), 'true');
    assert.equal(await focused(page), 'button Yes, remove Bob Durand');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Keep Bob Durand"
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await focused(page), 'button Remove Bob Durand', 'focus goes back where it was');
    await openThenEscape(page, confirm);
    assert.equal(await focused(page), 'button Remove Bob Durand');
    assert.deepEqual(await page.evaluate('window.sent'), []);

    await confirmWithEnter(page, remove, 'Bob Durand was removed from this interview.');
    await page.getByText('bob@example.test', { exact: true }).waitFor({ state: 'detached' });
    assert.deepEqual(await page.evaluate('window.sent'), [
      { interviewId: 'int-1', items: [{ userId: 'alice', role: 'recruiter' }] },
    ]);
    assert.equal(await focused(page), 'h2 Team');
  });

  it('keeps the list as it was, with the reason, when the server refuses', async () => {
    await mount('admin', true);
    await page.getByRole('combobox', { name: 'Role of Alice Martin' }).selectOption('reviewer');
    await page
      .getByRole('alert')
      .getByText('A reviewer account can only be a reviewer member.')
      .waitFor();
    assert.equal(
      await page.getByRole('combobox', { name: 'Role of Alice Martin' }).inputValue(),
      'recruiter',
    );
  });

  it('for a recruiter, who cannot list staff: changes and removals, and says who can add', async () => {
    await mount('recruiter');
    await page.getByText('To add someone who is not a member yet, ask an admin').waitFor();
    assert.equal(await page.getByRole('searchbox').count(), 0);
    assert.equal(await page.evaluate('window.listedUsers'), 0, 'GET /users is admin only');
    await page.getByText('(you)').waitFor();
    await page.getByRole('button', { name: 'Remove Alice Martin' }).click();
    await page
      .getByText('You will no longer see this interview unless an admin adds you again.')
      .waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
  });
});
