/**
 * Issue 21 item 7 in the browser: the interview page's counts and its list of candidates follow
 * the same live events, so "3 completed" never sits above a single row until a reload.
 */
import assert from 'node:assert/strict';
import { insertReadyAnswer, ONE_QUESTION } from '../../fairness/support.js';
import { type Api, createInterview, invite, login } from '../../helpers/api.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { LAPTOP, markDocument, openSignedInAs, sameDocument, tabShowingErrors } from './support.js';

describe('workspace: the candidate list follows the live counts', function () {
  this.timeout(120_000);
  const started = serverAndBrowser({ browser: LAPTOP });
  let admin: Api;

  before(async () => {
    admin = await login(started.server.url);
  });

  /** Invites `count` candidates, each of whom answers (seeded) and finishes through their link. */
  async function finish(interviewId: string, questionId: string, count: number) {
    const invited = await invite(admin, interviewId, count);
    for (const { invitation, candidate } of invited) {
      await insertReadyAnswer(started.server.deps.db, invitation.id, questionId);
      assert.equal((await candidate.post('/candidate/finish')).status, 200);
    }
    return invited.map((i) => i.invitation);
  }

  it('two candidates invited elsewhere finish while the page is open: both rows appear, completed; a new invitation appears at once', async () => {
    const interview = await createInterview(admin, { questions: ONE_QUESTION });
    const questionId = interview.questions[0]!.id;
    await finish(interview.id, questionId, 1);
    const page = await tabShowingErrors(started.browser);
    await openSignedInAs(page, started.server.url, admin);
    await page.goto(`${started.server.url}/#/interviews/${interview.id}`);
    const rows = page.locator('ws-invitation-panel tbody tr');
    await rows.first().waitFor();
    await page.getByText('1 completed').waitFor();
    await markDocument(page);

    const later = await finish(interview.id, questionId, 2);
    await page.getByText('3 completed').waitFor();
    for (const invitation of later) {
      const row = rows.filter({ hasText: invitation.candidate.email });
      await row.getByText('Completed', { exact: true }).waitFor({ timeout: 10_000 });
    }
    assert.equal(await rows.count(), 3);
    assert.equal(await rows.filter({ hasText: 'Open until' }).count(), 0);

    // Someone invited by a colleague (or applying) appears too, before doing anything.
    const [fresh] = await invite(admin, interview.id, 1);
    await rows.filter({ hasText: fresh!.invitation.candidate.email }).waitFor({ timeout: 10_000 });
    await page.getByText('1 invited').waitFor();
    assert.ok(await sameDocument(page), 'the page was not reloaded');
  });
});
