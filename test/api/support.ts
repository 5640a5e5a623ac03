/**
 * Small assertions shared by the API v1 suites (test/api). Servers, clients and media come from
 * test/helpers; this file only holds what the contract says every answer must look like.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Answer, Interview } from '../../server/contracts/api.js';
import {
  Api,
  type ApiResponse,
  createInterview,
  createStaffUser,
  invite,
  login,
  recordAnswer,
  waitForAnswer,
} from '../helpers/api.js';
import { ffmpegClip, sliceIrregularly, VP8_OPUS_WEBM } from '../helpers/media-fixtures.js';
import { type SignedInServer, useTestServer } from '../helpers/server-suite.js';
import type { TestServerOptions } from '../helpers/test-server.js';

/** What must never appear in an error: stack frames, file paths, SQL. */
export const LEAK =
  /at \w+ \(|\/work\/|\/tmp\/|node_modules|\bSELECT\b|\bINSERT\b|\bUPDATE\b|SQLITE_|\.[jt]s:\d+/;

export const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** The items of a 200 list response, whose body must be `{ items }` and nothing else. */
export function itemsOf(res: ApiResponse<any>): any[] {
  expectOkWithKeys(res, ['items']);
  return res.body.items;
}

/** A 200 whose body has exactly these members: the contract's shape, nothing more. */
export function expectOkWithKeys(res: ApiResponse<any>, keys: string[]): void {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(Object.keys(res.body).sort(), keys);
}

/** An RFC 9457 problem with this status and code, and nothing internal in it. */
export function expectProblem(res: ApiResponse<any>, status: number, code: string): any {
  const body = res.body;
  assert.equal(
    res.status,
    status,
    `expected ${status} ${code}, got ${res.status} ${JSON.stringify(body)}`,
  );
  assert.match(
    res.headers.get('content-type') ?? '',
    /^application\/problem\+json/,
    'Content-Type',
  );
  assert.equal(typeof body, 'object', `body is JSON: ${String(body).slice(0, 200)}`);
  assert.equal(body.code, code, JSON.stringify(body));
  assert.equal(body.status, status);
  assert.equal(body.type, 'about:blank');
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  assert.ok(body.detail.length > 0, 'detail is a sentence');
  assert.doesNotMatch(JSON.stringify(body), LEAK, 'no internals in the problem');
  return body;
}

/** A 400 `invalid_request` whose `errors` name every given path. */
export function expectInvalid(res: ApiResponse<any>, ...paths: string[]): void {
  const body = expectProblem(res, 400, 'invalid_request');
  assert.ok(Array.isArray(body.errors), `errors is a list: ${JSON.stringify(body)}`);
  for (const error of body.errors) {
    assert.equal(typeof error.path, 'string');
    assert.equal(typeof error.message, 'string');
  }
  const named = body.errors.map((e: { path: string }) => e.path);
  for (const path of paths)
    assert.ok(named.includes(path), `errors name ${path}: ${JSON.stringify(named)}`);
}

/** A clock the tests move; the server reads it through `startTestServer({ now })`. */
/**
 * The server's clock in a test: real time moved by `advance`/`setTo`, or, once `freeze()`d,
 * still between moves, so that what a test computes from it does not depend on how long the
 * requests in between took on a busy machine.
 */
export class Clock {
  #offsetMs = 0;
  #frozenAt: number | null = null;
  readonly now = (): Date => new Date((this.#frozenAt ?? Date.now()) + this.#offsetMs);
  advance(ms: number): void {
    this.#offsetMs += ms;
  }
  /** Moves the clock to an absolute time (ms since the epoch), in the past or the future. */
  setTo(epochMs: number): void {
    this.#offsetMs = epochMs - (this.#frozenAt ?? Date.now());
  }
  /** Stops the clock at the current time: from now on only advance/setTo move it. */
  freeze(): void {
    this.#frozenAt = this.now().getTime();
    this.#offsetMs = 0;
  }
  /** Back to now (a frozen clock stays frozen, at the real time of this call). */
  reset(): void {
    this.#offsetMs = 0;
    if (this.#frozenAt !== null) this.#frozenAt = Date.now();
  }
}

/**
 * One server for the suite on a clock the tests move, back to now after each test so that no
 * test inherits another's time. `ready` receives the server and its signed-in administrator.
 */
export function useClockedServer(
  options: TestServerOptions,
  ready: (started: SignedInServer) => void,
): Clock {
  const clock = new Clock();
  useTestServer({ ...options, now: clock.now }, ready);
  afterEach(() => clock.reset());
  return clock;
}

export const HOUR = 3600 * 1000;

/** Server settings for reminder tests: swept every second, sent 48 hours before a link expires. */
export const REMINDERS_48H = { REMINDER_SWEEP_SECONDS: '1', REMINDER_HOURS: '48' };

/** Creates a staff user as the admin and returns a client signed in as them. */
export async function staffUser(
  admin: Api,
  role: 'admin' | 'recruiter' | 'reviewer',
  name: string = role,
): Promise<Api> {
  const email = `${name}-${Math.random().toString(36).slice(2)}@example.test`;
  const password = 'a long enough password';
  await createStaffUser(admin, { email, name, password, role });
  return login(admin.baseUrl, email, password);
}

/** A short real recording (VP8/Opus WebM, small picture) cut into exactly `pieces` uneven chunks. */
export async function clipChunks(pieces = 3): Promise<Buffer[]> {
  const path = await ffmpegClip({ ...VP8_OPUS_WEBM, seconds: 2, width: 320, height: 240 });
  const slices = sliceIrregularly(await readFile(path), pieces);
  return [...slices.slice(0, pieces - 1), Buffer.concat(slices.slice(pieces - 1))];
}

export const CLIP_MIME = 'video/webm;codecs=vp8,opus';

/** Records a short real clip, cut into `pieces` chunks, as the candidate's answer. */
export async function recordClip(candidate: Api, questionId: string, pieces = 2): Promise<Answer> {
  return recordAnswer(candidate, questionId, CLIP_MIME, await clipChunks(pieces));
}

/**
 * Records a short real clip as the candidate's answer and waits for the server to process it:
 * the state most review and sharing tests start from. Fails unless the answer ends ready.
 */
export async function recordReadyClip(
  candidate: Api,
  questionId: string,
  timeoutMs = 60_000,
): Promise<Answer> {
  const recorded = await recordClip(candidate, questionId);
  const ready = await waitForAnswer(candidate, recorded.id, timeoutMs);
  assert.equal(ready.status, 'ready', JSON.stringify(ready));
  return ready;
}

/** Writes the candidate's feedback (a summary, no competencies) and releases it. */
export async function releaseFeedback(staff: Api, invitationId: string, summary: string) {
  const saved = await staff.put(`/invitations/${invitationId}/feedback`, {
    summary,
    competencies: [],
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const released = await staff.post(`/invitations/${invitationId}/feedback/release`);
  assert.equal(released.status, 200, JSON.stringify(released.body));
}

/** Starts an answer and expects it to be accepted. */
export async function startAnswer(
  candidate: Api,
  questionId: string,
  mimeType = CLIP_MIME,
): Promise<Answer> {
  const res = await candidate.post<Answer>('/candidate/answers', { questionId, mimeType });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** The candidate's view of one of their answers, as after a reload. */
export async function reload(candidate: Api, answerId: string): Promise<Answer> {
  const res = await candidate.get<Answer>(`/candidate/answers/${answerId}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** A question with no thinking time (the take starts at once), `maxSeconds` long. */
export function quickQuestion(prompt: string, maxSeconds: number, retakes: number) {
  return { prompt, thinkSeconds: 0, maxSeconds, retakes };
}

/**
 * An interview for the retake rules: question `once` allows no retake, `twice` one, each
 * `maxSeconds` long, after the `first` questions if any.
 */
export async function retakesInterview(
  staff: Api,
  maxSeconds: number,
  first: ReturnType<typeof quickQuestion>[] = [],
): Promise<{ interview: Interview; once: string; twice: string }> {
  const interview = await createInterview(staff, {
    questions: [
      ...first,
      quickQuestion('One take only.', maxSeconds, 0),
      quickQuestion('One retake allowed.', maxSeconds, 1),
    ],
  });
  const [once, twice] = interview.questions.slice(first.length).map((q) => q.id) as [
    string,
    string,
  ];
  return { interview, once, twice };
}

/** A fresh candidate invited to the interview: each test starts from a clean invitation. */
export async function newCandidate(staff: Api, interviewId: string): Promise<Api> {
  const [invited] = await invite(staff, interviewId, 1);
  return invited!.candidate;
}

export { Api };
