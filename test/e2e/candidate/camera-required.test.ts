import assert from 'node:assert/strict';
import { createInterview, inviteOne, login } from '../../helpers/api.js';
import { seriousAxeViolations } from '../../helpers/browser.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { asked } from './support.js';

const QUESTION = asked('Tell us about yourself.', 1);

/** Issue 9: an interview that forbids sound-only answers, opened on a device without a camera. */
describe('candidate recorder: an interview that needs a camera', function () {
  this.timeout(90_000);
  const e2e = serverAndBrowser({ browser: { noCamera: true } });

  async function invitationUrl(allowAudioOnly: boolean): Promise<string> {
    const staff = await login(e2e.server.url);
    const interview = await createInterview(staff, { allowAudioOnly, questions: [QUESTION] });
    const { invitation } = await inviteOne(staff, interview.id);
    return invitation.url!;
  }

  it('on a device without a camera, says plainly that a camera is needed and does not go on', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(await invitationUrl(false));
    await page.getByRole('checkbox', { name: /I agree to be recorded/ }).check();
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();

    // Announced (role=alert), in words rather than colour, with what to try.
    const alert = page.getByRole('alert');
    await alert
      .getByText('This interview needs a camera, and we could not find one on this device.')
      .waitFor();
    await alert.getByText(/open this link on a phone or a computer that has a camera/).waitFor();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await page.getByRole('button', { name: 'Copy the link to use another device' }).waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Everything works: continue' }).count(),
      0,
      'the interview cannot start without a camera',
    );
    assert.equal(await page.getByText(/recorded with sound only/).count(), 0);
    assert.deepEqual(await seriousAxeViolations(page), []);

    // Trying again without a camera still says so; nothing was sent to the server.
    await page.getByRole('button', { name: 'Try again' }).click();
    await alert.getByText('This interview needs a camera').first().waitFor();
    await page.close();
  });

  it('says the same in French', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${await invitationUrl(false)}?lang=fr`);
    await page.getByRole('checkbox', { name: /J’accepte l’enregistrement/ }).check();
    await page.getByRole('button', { name: 'Vérifier ma caméra et mon micro' }).click();
    await page
      .getByRole('alert')
      .getByText(
        'Cet entretien demande une caméra, et nous n’en avons trouvé aucune sur cet appareil.',
      )
      .waitFor();
    await page.close();
  });

  it('when sound only is allowed, the same device goes on with sound only, as before', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(await invitationUrl(true));
    await page.getByRole('checkbox', { name: /I agree to be recorded/ }).check();
    await page.getByRole('button', { name: 'Check my camera and microphone' }).click();
    await page
      .getByText('No camera was found: your answers will be recorded with sound only.')
      .waitFor();
    await page.getByRole('button', { name: 'Everything works: continue' }).click();
    await page.getByRole('heading', { name: 'Practice question' }).waitFor();
    assert.equal(await page.getByText('This interview needs a camera').count(), 0);
    await page.close();
  });
});
