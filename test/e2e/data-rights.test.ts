import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Api, createInterview, inviteOne, login } from '../helpers/api.js';
import { seriousAxeViolations } from '../helpers/browser.js';
import { serverAndBrowser } from '../helpers/server-and-browser.js';
import { ADMIN } from '../helpers/test-server.js';
import { fitsViewport, signIn } from './workspace/support.js';

const SHOTS = process.env.SCREENSHOTS_DIR;

describe('data rights in Chromium', function () {
  this.timeout(180_000);
  const started = serverAndBrowser({ browser: { viewport: { width: 360, height: 640 } } });
  let admin: Api;

  before(async () => {
    admin = await login(started.server.url);
  });

  it('a candidate downloads, then erases their data from their link', async () => {
    const interview = await createInterview(admin);
    const { invitation, candidate } = await inviteOne(admin, interview.id);
    const page = await started.browser.newPage();
    await page.goto(invitation.url!);
    await page.getByText('Your data').click();
    await page.getByRole('button', { name: 'I agree' }).click();
    await page.getByText(/You agreed to this on/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'my-interview-data.json');
    // Issue 21: the same, as a page to read or print, in the page's language.
    const [readable] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a readable copy (web page)' }).click(),
    ]);
    assert.equal(readable.suggestedFilename(), 'my-interview-data.html');
    const copy = await page.context().newPage();
    await copy.setContent(await readFile(await readable.path(), 'utf8'));
    await copy.getByRole('heading', { name: 'Your interview data', level: 1 }).waitFor();
    assert.equal(await copy.evaluate(() => document.documentElement.lang), 'en');
    for (const fact of [interview.title, invitation.candidate.name, 'You agreed on'])
      await copy.getByText(fact, { exact: false }).first().waitFor();
    assert.deepEqual(await seriousAxeViolations(copy), []);
    assert.ok(await fitsViewport(copy), 'the copy fits the phone');
    if (SHOTS) await copy.screenshot({ path: path.join(SHOTS, 'readable-export-360.png') });
    await copy.close();
    assert.deepEqual(await seriousAxeViolations(page), []);
    assert.ok(await fitsViewport(page));

    await page.getByRole('button', { name: 'Erase my data…' }).click();
    await page.getByRole('heading', { name: 'Erase everything?' }).waitFor();
    await page.getByText(/every recording and answer you made/).waitFor();
    if (SHOTS)
      await page.screenshot({ path: path.join(SHOTS, 'erase-confirm-360.png'), fullPage: true });
    await page.getByRole('button', { name: 'Erase everything' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your data has been erased' }).waitFor();
    assert.equal((await candidate.get('/candidate/session')).status, 404);

    // The link, opened again, says the data is gone.
    await page.reload();
    await page.getByText('Your data').click();
    await page.getByText('Your data has been erased').waitFor();
    await page.close();
  });

  it('erasing from the link also clears what the browser kept: outbox and rescue copies (issue 20, finding 6)', async () => {
    const interview = await createInterview(admin);
    const { invitation } = await inviteOne(admin, interview.id);
    const page = await started.browser.newPage();
    await page.goto(invitation.url!);
    await page.getByText('Your data').click();
    // What an interrupted recording leaves on the device: a take with a chunk not yet uploaded,
    // and the last slice rescued in localStorage.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('interview-recorder-outbox', 1);
        request.onupgradeneeded = () => {
          request.result
            .createObjectStore('takes', { keyPath: 'answerId' })
            .createIndex('scope', 'scope');
          request.result.createObjectStore('chunks', { keyPath: ['answerId', 'index'] });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['takes', 'chunks'], 'readwrite');
      tx.objectStore('takes').put({ answerId: 'a1', scope: 'i1', nextIndex: 1 });
      tx.objectStore('chunks').put({ answerId: 'a1', index: 0, bytes: new ArrayBuffer(16) });
      await new Promise((resolve) => {
        tx.oncomplete = resolve;
      });
      db.close();
      localStorage.setItem('interview-recorder-rescue:a1:1', '{"recordedMs":1000,"data":"AAAA"}');
    });
    await page.getByRole('button', { name: 'Erase my data…' }).click();
    await page.getByRole('button', { name: 'Erase everything' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your data has been erased' }).waitFor();
    const left = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('interview-recorder-outbox', 1);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const counts: Record<string, number> = {};
      for (const store of ['takes', 'chunks']) {
        counts[store] = await new Promise<number>((resolve) => {
          const request = db.transaction([store]).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      }
      db.close();
      const rescued = Object.keys(localStorage).filter((k) =>
        k.startsWith('interview-recorder-rescue:'),
      );
      return { ...counts, rescued };
    });
    assert.deepEqual(left, { takes: 0, chunks: 0, rescued: [] });
    await page.close();
  });

  it('an admin reads the audit trail in sentences with names, and filters by what it shows (issue 21)', async () => {
    const interview = await createInterview(admin, { title: 'Harbour pilot' });
    const kept = await inviteOne(admin, interview.id);
    const erased = await inviteOne(admin, interview.id);
    for (const { invitation } of [kept, erased])
      await admin.post(`/invitations/${invitation.id}/link`);
    await admin.request('DELETE', `/invitations/${erased.invitation.id}`);
    const { name, email } = kept.invitation.candidate;
    const page = await started.browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${started.server.url}/`);
    await signIn(page);
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    assert.equal(await page.title(), 'Audit trail');
    const list = page.getByRole('list', { name: 'Audit entries, newest first' });
    await list.getByText(`Administrator issued a new link for ${name}`).waitFor();
    await list.getByText('Administrator issued a new link for an erased candidate').waitFor();
    await list.getByText('Administrator erased a candidate', { exact: true }).waitFor();
    await list.getByText('Administrator created the interview “Harbour pilot”').waitFor();
    const text = (await list.textContent()) ?? '';
    for (const id of [interview.id, kept.invitation.id, erased.invitation.id])
      assert.ok(!text.includes(id), `no raw id on the page: ${id}`);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'audit-1280.png'), fullPage: true });

    // Filters are picked from names the page shows, not ids typed in.
    await page.getByLabel('Interview').selectOption({ label: 'Harbour pilot' });
    await page.getByLabel('Candidate').selectOption({ label: `${name} (${email})` });
    await page.getByLabel('Staff member').selectOption({ label: `Administrator (${ADMIN.email})` });
    await page.getByRole('button', { name: 'Show' }).click();
    const entries = list.getByRole('listitem');
    // Until the filtered list arrives several entries match: wait for the first to go (a
    // multi-element locator's waitFor is a strict-mode error whenever it sees more than one).
    await entries.filter({ hasText: 'erased' }).first().waitFor({ state: 'detached' });
    assert.deepEqual(
      (await entries.allTextContents()).map((t) => t.includes(`new link for ${name}`)),
      [true],
    );
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByLabel('Candidate').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Show' }).click();
    await entries.nth(1).waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    assert.ok(await fitsViewport(page));
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'audit-360.png'), fullPage: true });
    await page.close();
  });

  it('an organiser sets retention in plain words in the editor', async () => {
    const interview = await createInterview(admin);
    const page = await started.browser.newPage();
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(`${started.server.url}/#/interviews/${interview.id}/edit`);
    const days = page.getByLabel('Erase each candidate’s data after (days)');
    await days.or(page.getByLabel('Email')).first().waitFor();
    if (!(await days.isVisible())) await signIn(page); // this browser may still be signed in
    await days.waitFor();
    assert.equal(await days.inputValue(), '365');
    await days.fill('0');
    await page.getByText('erased as soon as the interview closes').waitFor();
    await page.getByLabel('Privacy notice for candidates (optional)').fill('We keep it a week.');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'editor-360.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save interview' }).click();
    await page.waitForURL(/#\/interviews\/[^/]+$/);
    const saved = (await admin.get(`/interviews/${interview.id}`)).body;
    assert.equal(saved.retentionDays, 0);
    assert.equal(saved.privacyText, 'We keep it a week.');
    await page.close();
  });
});
