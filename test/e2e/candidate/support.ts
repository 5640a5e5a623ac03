/**
 * Shared set-up for the recorder's browser tests: an interview with an invited candidate on the
 * real server, and steps a candidate takes through the UI. (The bundle in dist/web is built once
 * per run by test/hooks/build-dist.ts.)
 */
import type { Page } from 'playwright-core';
import type { Answer, Interview, Invitation } from '../../../server/contracts/api.js';
import { type Api, createInterview, inviteOne, login } from '../../helpers/api.js';
import type { TestBrowser } from '../../helpers/browser.js';
import type { TestServer } from '../../helpers/test-server.js';

export interface Invited {
  staff: Api;
  interview: Interview;
  invitation: Invitation;
  candidate: Api;
  url: string;
}

/** A question with 5 s to think and 30 s to answer: long enough for answers of a few seconds. */
export function asked(prompt: string, retakes = 0) {
  return { prompt, thinkSeconds: 5, maxSeconds: 30, retakes };
}

/** Short questions by default so that answers of a few seconds are enough. */
export async function inviteCandidate(
  server: TestServer,
  questions = [asked('Tell us about yourself.', 1)],
): Promise<Invited> {
  const staff = await login(server.url);
  const interview = await createInterview(staff, { questions });
  const { invitation, candidate } = await inviteOne(staff, interview.id);
  return { staff, interview, invitation, candidate, url: invitation.url! };
}

/** What a candidate presses on the way to the first question, in the page's language. */
const WAY_IN = {
  en: {
    agree: /I agree to be recorded/,
    check: 'Check my camera and microphone',
    works: 'Everything works: continue',
    skip: 'Skip the practice',
  },
  fr: {
    agree: /J’accepte l’enregistrement/,
    check: 'Vérifier ma caméra et mon micro',
    works: 'Tout fonctionne\u202f: continuer',
    skip: 'Passer l’entraînement',
  },
};
type PageLanguage = keyof typeof WAY_IN;

/** Welcome (consent) and the device check, as a candidate does it. */
export async function reachPractice(
  page: Page,
  url: string,
  language: PageLanguage = 'en',
): Promise<void> {
  const says = WAY_IN[language];
  await page.goto(url);
  await page.getByRole('checkbox', { name: says.agree }).check();
  await page.getByRole('button', { name: says.check }).click();
  await page.getByRole('button', { name: says.works }).click();
}

export async function skipPractice(page: Page, language: PageLanguage = 'en'): Promise<void> {
  await page.getByRole('button', { name: WAY_IN[language].skip }).click();
}

/** The candidate's link in a new tab: consent, the device check, the practice skipped. */
export async function openAtFirstQuestion(
  browser: TestBrowser,
  url: string,
  language: PageLanguage = 'en',
): Promise<Page> {
  const page = await browser.newPage();
  await reachPractice(page, url, language);
  await skipPractice(page, language);
  return page;
}

/** Answers every "Leave this page?" with leave, as a candidate who goes anyway; lists them. */
export function leaveAnyway(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  return dialogs;
}

/** Reveals the current question and starts recording without waiting for the thinking time. */
export async function startAnswer(page: Page): Promise<void> {
  const reveal = page.getByRole('button', { name: /^Show the question/ });
  const withThinking = (await reveal.textContent())?.trim() === 'Show the question';
  await reveal.click();
  if (withThinking) await page.getByRole('button', { name: 'Start recording now' }).click();
  await page.getByRole('button', { name: 'Stop recording' }).waitFor();
}

export async function stopAnswer(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.getByText('Your answer is saved.').first().waitFor({ timeout: 30_000 });
}

/** Records one answer of about `seconds` and waits until the server accepted it. */
export async function recordAnswer(page: Page, seconds: number): Promise<void> {
  await startAnswer(page);
  await page.waitForTimeout(seconds * 1000);
  await stopAnswer(page);
}

/** The candidate's takes as the server sees them. */
export async function serverAnswers(candidate: Api): Promise<Answer[]> {
  const res = await candidate.get<{ answers: Answer[] }>('/candidate/session');
  return res.body.answers;
}

/** Polls the staff view of an answer until processing ends. */
export async function waitUntilProcessed(staff: Api, answerId: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await staff.get<{
      status: string;
      durationMs: number | null;
      error: string | null;
    }>(`/answers/${answerId}`);
    if (res.body.status === 'ready' || res.body.status === 'failed') return res.body;
    if (Date.now() > until) throw new Error(`answer ${answerId} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until the recording clock ("0:04 / 0:30") shows at least `seconds`. */
export async function elapsedAtLeast(page: Page, seconds: number): Promise<void> {
  const timer = page.getByRole('timer');
  for (;;) {
    const [minutes, secs] = ((await timer.textContent()) ?? '').split('/')[0]!.split(':');
    if (Number(minutes) * 60 + Number(secs) >= seconds) return;
    await page.waitForTimeout(100);
  }
}

/** Waits until the server holds at least `count` chunks of the candidate's latest take. */
export async function serverChunksAtLeast(candidate: Api, count: number): Promise<number> {
  const until = Date.now() + 30_000;
  for (;;) {
    const answers = await serverAnswers(candidate);
    const received = answers[answers.length - 1]?.receivedChunks.length ?? 0;
    if (received >= count) return received;
    if (Date.now() > until) throw new Error(`the server holds ${received} chunks, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Back to the questions after a reload: welcome back, then the device check. */
export async function comeBack(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Everything works: continue' }).click();
}

/** "Record again", then the confirmation's own button (the dialog names the choice). */
export async function confirmRecordAgain(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Record again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record this answer again?' });
  await dialog.getByRole('button', { name: 'Record again' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** In the page: what the browser does when the tab goes to the background and back. */
export function hidePage(hidden: boolean): void {
  // A value, not a getter: tsx would wrap a named inner function in a helper the page lacks.
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    value: hidden ? 'hidden' : 'visible',
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** In the page: iOS stops the camera and microphone of a page in the background. */
export function endCaptureAsIosDoes(): void {
  const host = document
    .querySelector('candidate-page')
    ?.shadowRoot?.querySelector('interview-recorder') as unknown as {
    media: { stream: MediaStream };
  };
  for (const track of host.media.stream.getTracks()) {
    track.stop();
    track.dispatchEvent(new Event('ended'));
  }
}
