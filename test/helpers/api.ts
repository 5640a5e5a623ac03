import { createHash, randomBytes } from 'node:crypto';
import type { Answer, Interview, Invitation, User } from '../../server/contracts/api.js';
import { ADMIN } from './test-server.js';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small HTTP client for API v1 that never throws on status: tests assert on it. */
export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string): Api {
    return new Api(this.baseUrl, token);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.token) (init.headers as Record<string, string>).authorization = `Bearer ${this.token}`;
    if (body instanceof FormData || body instanceof Uint8Array || body instanceof ReadableStream) {
      init.body = body as BodyInit;
      // A stream is sent as it is produced (chunked), without a Content-Length.
      if (body instanceof ReadableStream) (init as { duplex?: string }).duplex = 'half';
    } else if (typeof body === 'string') {
      init.body = body;
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }

  /**
   * Uploads one chunk as multipart field `chunk` (the contract), or with `raw` as the
   * application/octet-stream body (the extension the recorder uses), optionally with its SHA-256.
   */
  putChunk(
    answerId: string,
    index: number | string,
    bytes: Buffer,
    options: { sha256?: string | boolean; raw?: boolean } = {},
  ) {
    const form = new FormData();
    form.append('chunk', new Blob([new Uint8Array(bytes)]), 'chunk');
    const headers: Record<string, string> = {};
    if (options.raw) headers['content-type'] = 'application/octet-stream';
    if (options.sha256 === true)
      headers['x-chunk-sha256'] = createHash('sha256').update(bytes).digest('hex');
    else if (typeof options.sha256 === 'string') headers['x-chunk-sha256'] = options.sha256;
    return this.request<{ index: number; size: number }>(
      'PUT',
      `/candidate/answers/${answerId}/chunks/${index}`,
      options.raw ? new Uint8Array(bytes) : form,
      headers,
    );
  }
}

export async function login(
  baseUrl: string,
  email = ADMIN.email,
  password = ADMIN.password,
): Promise<Api> {
  const res = await new Api(baseUrl).post<{ token: string }>('/auth/login', { email, password });
  if (res.status !== 200)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return new Api(baseUrl, res.body.token);
}

export interface NewStaffUser {
  email: string;
  name: string;
  /** The password they end up with: chosen by them, not the admin's temporary one. */
  password: string;
  role: 'admin' | 'recruiter' | 'reviewer';
}

/**
 * A request that checks a password's strength, sent again while the server answers 503 (the
 * check, in a worker, took over its bound on a loaded machine: the server says to try again).
 */
async function withStrengthCheck<T>(send: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
  for (let attempt = 1; ; attempt++) {
    const res = await send();
    if (res.status !== 503 || attempt === 3) return res;
  }
}

/** An admin adds a user with `password` as their temporary password; answers the 201. */
export async function addUser(admin: Api, person: NewStaffUser): Promise<ApiResponse<User>> {
  const created = await withStrengthCheck(() => admin.post<User>('/users', person));
  if (created.status !== 201)
    throw new Error(`user not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created;
}

/**
 * Creates a staff user the way a team does it (issue 21): the admin gives a temporary
 * password, the user signs in once with it and chooses `password`. Afterwards the user signs
 * in with `password` and may use every route of their role. Answers the admin's 201.
 */
export async function createStaffUser(
  admin: Api,
  person: NewStaffUser,
): Promise<ApiResponse<User>> {
  const temporary = `temporary ${randomBytes(6).toString('hex')} pass`;
  const created = await addUser(admin, { ...person, password: temporary });
  const firstSignIn = await login(admin.baseUrl, person.email, temporary);
  const changed = await withStrengthCheck(() =>
    firstSignIn.post('/me/password', { currentPassword: temporary, newPassword: person.password }),
  );
  if (changed.status !== 200)
    throw new Error(`password not chosen: ${changed.status} ${JSON.stringify(changed.body)}`);
  return created;
}

export const QUESTIONS = [
  {
    prompt: 'Tell us about a problem you solved recently.',
    thinkSeconds: 30,
    maxSeconds: 60,
    retakes: 1,
  },
  { prompt: 'Why does this role interest you?', thinkSeconds: 30, maxSeconds: 60, retakes: 0 },
];

export async function createInterview(
  staff: Api,
  overrides: Record<string, unknown> = {},
): Promise<Interview> {
  const res = await staff.post<Interview>('/interviews', {
    title: 'Support engineer',
    intro: 'Welcome!',
    questions: QUESTIONS,
    ...overrides,
  });
  if (res.status !== 201)
    throw new Error(`create interview failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Emails unique in the test process: an email already invited to an interview is skipped. */
let invitedSoFar = 0;

/** Invites candidates; returns each invitation with an Api signed in as that candidate. */
export async function invite(
  staff: Api,
  interviewId: string,
  count = 1,
  /** More fields of each candidate, e.g. `{ language: 'fr' }`. */
  fields: Record<string, unknown> = {},
): Promise<{ invitation: Invitation; candidate: Api }[]> {
  const candidates = Array.from({ length: count }, (_, i) => ({
    name: `Candidate ${i + 1}`,
    email: `c${i + 1}-${++invitedSoFar}@example.test`,
    ...fields,
  }));
  const res = await staff.post<{ items: Invitation[] }>(`/interviews/${interviewId}/invitations`, {
    candidates,
  });
  if (res.status !== 201)
    throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items.map((invitation) => ({
    invitation,
    candidate: new Api(staff.baseUrl, tokenOf(invitation.url!)),
  }));
}

export function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf('/i/') + 3);
}

/** Starts an answer, uploads the chunks in order, completes it. */
export async function recordAnswer(
  candidate: Api,
  questionId: string,
  mimeType: string,
  chunks: Buffer[],
): Promise<Answer> {
  const started = await candidate.post<Answer>('/candidate/answers', { questionId, mimeType });
  if (started.status !== 201)
    throw new Error(`start answer failed: ${started.status} ${JSON.stringify(started.body)}`);
  for (const [i, chunk] of chunks.entries()) {
    const put = await candidate.putChunk(started.body.id, i, chunk, { sha256: true });
    if (put.status !== 200)
      throw new Error(`chunk ${i} failed: ${put.status} ${JSON.stringify(put.body)}`);
  }
  const done = await candidate.post<Answer>(`/candidate/answers/${started.body.id}/complete`, {
    chunkCount: chunks.length,
  });
  if (done.status !== 202)
    throw new Error(`complete failed: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body;
}

/** Polls until the answer leaves `processing` (or the time runs out). */
export async function waitForAnswer(
  candidate: Api,
  answerId: string,
  timeoutMs = 60_000,
): Promise<Answer> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await candidate.get<Answer>(`/candidate/answers/${answerId}`);
    if (res.body.status !== 'processing' && res.body.status !== 'recording') return res.body;
    if (Date.now() > until)
      throw new Error(`answer ${answerId} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Invites one candidate. */
export async function inviteOne(
  staff: Api,
  interviewId: string,
): Promise<{ invitation: Invitation; candidate: Api }> {
  const [first] = await invite(staff, interviewId, 1);
  return first!;
}
