import assert from 'node:assert/strict';
import { releaseFeedback } from '../../api/support.js';
import { type Api, login } from '../../helpers/api.js';
import { assertAccessible, PHONE } from '../../helpers/browser.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { reachPractice, recordAnswer, skipPractice } from '../candidate/support.js';

const DAY = 24 * 3600 * 1000;

describe('programme: apply on a phone, receive the link by email, record, read the feedback', function () {
  this.timeout(180_000);
  let staff: Api;
  /** The server's clock runs this far ahead of the real one: the test moves it past expiry. */
  let clockOffsetMs = 0;
  const e2e = serverAndBrowser({
    server: {
      mailFrom: 'Graduate programme <jobs@example.test>',
      now: () => new Date(Date.now() + clockOffsetMs),
    },
    browser: PHONE,
  });
  before(async () => {
    staff = await login(e2e.server.url);
  });

  it('shows a French applicant the server’s field errors in French (issue 20, finding 12)', async () => {
    const created = await staff.post('/interviews', {
      title: 'Programme en français',
      questions: [{ prompt: 'Pourquoi ?', thinkSeconds: 5, maxSeconds: 30, retakes: 0 }],
      public: {
        enabled: true,
        slug: 'programme-fr',
        locations: [
          { key: 'paris', name: 'Paris', deadline: new Date(Date.now() + 10 * DAY).toISOString() },
        ],
        eligibility: [],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.server.url}/apply/programme-fr?lang=fr`);
    await page.getByRole('heading', { name: 'Programme en français' }).waitFor();
    // Issue 21: the standard privacy notice speaks French on the French page.
    const notice = page.getByRole('region', { name: 'Notice de confidentialité' });
    assert.match((await notice.textContent()) ?? '', /vos réponses/);
    // Passes the page's own checks; the server refuses the bidirectional override.
    await page.getByLabel('Votre nom').fill('Eve\u202Egnp.exe');
    await page.getByLabel('Votre adresse e-mail').fill('eve@example.test');
    await page.getByRole('radio', { name: /Paris/ }).check();
    await page.getByRole('checkbox', { name: /J’ai lu cette notice/ }).check();
    await page.getByRole('button', { name: 'Postuler' }).tap();
    await page.getByText('Vérifiez les réponses signalées.').waitFor();
    const error = (await page.locator('#name-error').textContent()) ?? '';
    assert.doesNotMatch(error, /\bname\b|contains|character/, error);
    assert.match(error, /nom/);
    await page.close();
  });

  it('takes a candidate from the public link to their released feedback', async () => {
    const closes = new Date(Date.now() + 10 * DAY).toISOString();
    const created = await staff.post('/interviews', {
      title: 'Graduate programme',
      intro: 'No CV: apply in two minutes.',
      questions: [{ prompt: 'Why this programme?', thinkSeconds: 5, maxSeconds: 30, retakes: 0 }],
      public: {
        enabled: true,
        slug: 'graduates-2027',
        locations: [
          { key: 'paris', name: 'Paris', deadline: closes },
          { key: 'lille', name: 'Lille', deadline: new Date(Date.now() - DAY).toISOString() },
        ],
        eligibility: [
          { key: 'rtw', prompt: 'Do you have the right to work in France?', requiredAnswer: true },
        ],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));

    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.server.url}/apply/graduates-2027`);
    await page.getByRole('heading', { name: 'Graduate programme' }).waitFor();
    assert.equal(await page.title(), 'Graduate programme');
    assert.equal(
      await page.getByRole('radio', { name: /Lille/ }).isDisabled(),
      true,
      'a closed city cannot be chosen',
    );
    await assertAccessible(page, 'the apply page');

    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Your email address').fill('ada@example.test');
    await page.getByRole('radio', { name: /Paris/ }).check();
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('checkbox', { name: /I have read this notice/ }).check();
    await page.getByRole('button', { name: 'Apply now' }).tap();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.getByText('We have sent a link to ada@example.test.', { exact: false }).waitFor();
    assert.match(await page.title(), /^Check your email/);
    await assertAccessible(page, 'the "check your email" page');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling on a phone (${width} px)`);

    const mail = await e2e.server.smtp!.message('ada@example.test', /^Your application/);
    const link = /https?:\/\/[^\s"<>]+\/i\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
    assert.ok(link, `the email holds an interview link:\n${mail.text}`);
    assert.ok(link.startsWith(e2e.server.url), link);

    // Extra time, without giving a reason: every question's times grow by half.
    await page.goto(link);
    await page.getByText('5 seconds to think', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Give me extra time' }).tap();
    await page.getByText('Extra time is on', { exact: false }).waitFor();
    await page.getByText('8 seconds to think', { exact: false }).waitFor();
    await assertAccessible(page, 'the welcome screen with extra time');
    await reachPractice(page, link);
    await skipPractice(page);
    await recordAnswer(page, 2);
    await page.getByRole('button', { name: 'Finish the interview' }).tap();
    await page.getByRole('heading', { name: 'Thank you, Ada Lovelace!' }).waitFor();
    await page.getByText('this same link will then show your feedback', { exact: false }).waitFor();

    // The organiser sees where she came from, then writes and releases her feedback.
    const invitations = await staff.get(`/interviews/${created.body.id}/invitations`);
    const [invitation] = invitations.body.items;
    assert.equal(invitation.source, 'applied');
    assert.deepEqual(invitation.location, { key: 'paris', name: 'Paris' });
    assert.equal(invitation.status, 'completed');
    assert.deepEqual(invitation.accommodations, { extraTime: true });
    await releaseFeedback(staff, invitation.id, 'A clear, warm answer.\nThank you for applying.');

    // Weeks later the interview has closed; the link in the email shows the feedback.
    clockOffsetMs = 30 * DAY;
    const announced = await e2e.server.smtp!.message('ada@example.test', /feedback/i);
    const feedbackLink = /https?:\/\/[^\s"<>]+\/i\/[A-Za-z0-9_-]+/.exec(announced.text ?? '')?.[0];
    assert.ok(feedbackLink, `the feedback email holds her link:\n${announced.text}`);
    await page.goto(feedbackLink);
    await page.getByRole('heading', { name: 'Your feedback' }).waitFor();
    await page.getByText('A clear, warm answer.').waitFor();
    assert.equal(await page.title(), 'Your feedback');
    await assertAccessible(page, 'the feedback page');
    await page.emulateMedia({ media: 'print' });
    assert.equal(
      await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(),
      false,
      'the print button is not printed',
    );
    // The link from her first email opens the same feedback.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(link);
    await page.getByRole('heading', { name: 'Your feedback' }).waitFor();
    await page.getByText('A clear, warm answer.').waitFor();
    await page.close();
  });
});
