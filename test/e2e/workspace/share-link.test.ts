import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  type Api,
  Api as Client,
  createStaffUser,
  login,
  recordAnswer,
  waitForAnswer,
} from '../../helpers/api.js';
import {
  launchBrowser,
  PHONE,
  seriousAxeViolations,
  type TestBrowser,
} from '../../helpers/browser.js';
import { safariLikeMp4Chunks } from '../../helpers/media-fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { fitsViewport, signIn } from './support.js';

const RECRUITER = {
  email: 'rosa@example.test',
  password: 'a long recruiter password',
  name: 'Rosa Recruiter',
};
const CANDIDATE = 'Inès Moreau';
const GUIDANCE = 'Listens first; names a concrete action and its result.';

describe('workspace end to end: a recruiter shares a candidate with a hiring manager on a phone, then revokes', function () {
  this.timeout(300_000);
  let server: TestServer;
  let staffBrowser: TestBrowser;
  let phone: TestBrowser;
  let staffPage: Page;
  let guestPage: Page;
  let invitationId: string;
  let shareUrl: string;

  before(async () => {
    // dist/web is built once per run by test/hooks/build-dist.ts.
    const [started, media] = await Promise.all([startTestServer(), safariLikeMp4Chunks(3)]);
    server = started;
    const admin: Api = await login(server.url);
    await createStaffUser(admin, { ...RECRUITER, role: 'recruiter' });
    // The recruiter makes the interview, so they are its first (recruiter) member.
    const recruiter = await login(server.url, RECRUITER.email, RECRUITER.password);
    const created = await recruiter.post<any>('/interviews', {
      title: 'Boutique assistant – Lyon',
      intro: '',
      competencies: [{ key: 'service', name: 'Customer service' }],
      questions: [
        {
          prompt: 'Tell us about a customer you helped recently.',
          thinkSeconds: 30,
          maxSeconds: 60,
          retakes: 0,
          competency: 'service',
          guidance: GUIDANCE,
          anchors: { '1': 'No example.', '5': 'Action, result and what they learned.' },
        },
      ],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const questionId = created.body.questions[0].id;
    const invited = await recruiter.post<any>(`/interviews/${created.body.id}/invitations`, {
      candidates: [{ name: CANDIDATE, email: 'ines@example.test' }],
      sendEmail: false,
    });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    const invitation = invited.body.items[0];
    invitationId = invitation.id;
    const candidate = new Client(
      server.url,
      invitation.url.slice(invitation.url.lastIndexOf('/i/') + 3),
    );
    const answer = await recordAnswer(candidate, questionId, media.mimeType, media.chunks);
    assert.equal((await waitForAnswer(candidate, answer.id, 120_000)).status, 'ready');
    assert.equal((await candidate.post('/candidate/finish')).status, 200);

    staffBrowser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    phone = await launchBrowser({ ...PHONE, locale: 'en-GB' });
    staffPage = await staffBrowser.newPage();
    staffPage.on('pageerror', (err) => console.error('staff page error:', err.message));
  });
  after(async () => {
    await staffBrowser?.close();
    await phone?.close();
    await server?.stop();
  });

  it('the recruiter makes a link from the candidate review and sees it once', async () => {
    await staffPage.goto(`${server.url}/#/review/${invitationId}`);
    await signIn(staffPage, RECRUITER.email, RECRUITER.password);
    await staffPage.getByRole('heading', { name: 'Hiring managers' }).waitFor();
    await staffPage.getByRole('button', { name: 'Share with a hiring manager…' }).click();
    const dialog = staffPage.getByRole('dialog', { name: 'Share with a hiring manager' });
    await dialog.getByRole('textbox', { name: 'Who is it for?' }).fill('Claire Martin');
    await dialog.getByRole('button', { name: 'Create the link' }).click();
    const link = staffPage.getByRole('textbox', { name: 'Link for Claire Martin' });
    await link.waitFor();
    shareUrl = await link.inputValue();
    assert.match(shareUrl, new RegExp(`^${server.url}/s/[A-Za-z0-9_-]{40,}$`));
    await staffPage.getByRole('button', { name: 'Done' }).click();
    await staffPage.getByText('Not opened yet').waitFor();
  });

  it('the hiring manager watches and rates on a 360 × 740 phone, and sees nothing else', async () => {
    guestPage = await phone.newPage();
    guestPage.on('pageerror', (err) => console.error('guest page error:', err.message));
    await guestPage.goto(shareUrl);
    // Blind by default: the pseudonym, never the name or the email.
    const heading = guestPage.getByRole('heading', { level: 1 });
    await heading.waitFor();
    assert.match((await heading.textContent()) ?? '', /^Candidate/);
    await guestPage.getByText('Tell us about a customer you helped recently.').waitFor();
    await guestPage.getByText(GUIDANCE).waitFor();
    await guestPage.getByText('Customer service').waitFor();
    const pageText = await guestPage.locator('guest-page').evaluate((el) => {
      const parts: string[] = [document.title];
      const stack: (ShadowRoot | Element)[] = [el.shadowRoot!];
      while (stack.length) {
        const root = stack.pop()!;
        parts.push(root.textContent ?? '');
        for (const child of root.querySelectorAll('*'))
          if (child.shadowRoot) stack.push(child.shadowRoot);
      }
      return parts.join(' ');
    });
    for (const secret of [CANDIDATE, 'ines@example.test', RECRUITER.name])
      assert.ok(!pageText.includes(secret), `"${secret}" is not on the guest page`);

    // Watch: the video plays, at the speed chosen.
    const video = guestPage.getByLabel('Answer to question 1');
    await guestPage
      .getByRole('group', { name: 'Playback speed' })
      .getByRole('button', { name: '1.5×' })
      .click();
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    // Playing shows as time moving on (polled: the video sits inside two shadow roots).
    for (let tries = 0; ; tries++) {
      if ((await video.evaluate((v: HTMLVideoElement) => v.currentTime)) > 0) break;
      if (tries > 600) assert.fail('the video never played');
      await guestPage.waitForTimeout(100);
    }
    assert.equal(await video.evaluate((v: HTMLVideoElement) => v.playbackRate), 1.5);
    assert.ok(await fitsViewport(guestPage), 'no sideways scrolling at 360 px');
    assert.deepEqual(await seriousAxeViolations(guestPage), []);

    // Rate.
    await guestPage.getByRole('radio', { name: /^4/ }).check();
    await guestPage.getByRole('textbox', { name: 'Comment (optional)' }).fill('Warm and concrete.');
    await guestPage.getByRole('button', { name: 'Save my rating' }).click();
    await guestPage.getByRole('status').getByText('Saved: 4 out of 5.').waitFor();
  });

  it('the recruiter sees the open and the rating, marked not counted, and revokes', async () => {
    await staffPage.reload();
    await staffPage.getByText(/Opened 1 time\(s\), last on/).waitFor();
    const ratings = staffPage.getByRole('list', { name: 'Hiring managers’ ratings' });
    await ratings.getByText('4 out of 5').waitFor();
    await ratings.getByText('Warm and concrete.').waitFor();
    await staffPage.getByText('Not counted:').waitFor();
    await staffPage
      .getByRole('button', { name: 'Revoke the link for Claire Martin', exact: true })
      .click();
    await staffPage.getByRole('button', { name: 'Yes, revoke the link for Claire Martin' }).click();
    await staffPage
      .getByRole('status')
      .getByText('The link for Claire Martin no longer works.')
      .waitFor();
  });

  it('the guest page then says the link has expired or was withdrawn', async () => {
    // Still open on the phone: the next action finds the link gone.
    await guestPage.getByRole('radio', { name: /^5/ }).check();
    await guestPage.getByRole('button', { name: 'Save my rating' }).click();
    await guestPage
      .getByRole('heading', { level: 1, name: 'This link has expired or was withdrawn' })
      .waitFor();
    // And opening it again says the same.
    await guestPage.reload();
    await guestPage
      .getByRole('heading', { level: 1, name: 'This link has expired or was withdrawn' })
      .waitFor();
    assert.equal(await guestPage.getByLabel('Answer to question 1').count(), 0);
    assert.deepEqual(await seriousAxeViolations(guestPage), []);
  });
});
