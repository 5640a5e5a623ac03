import type { Answer, CandidateSession, Invitation } from '../../server/contracts/api.js';
import type { CandidatePrivacy } from '../../server/contracts/data-rights.js';
import { ApiError, problemFields } from '../api-client.js';

/** A problem document from the candidate API, with its extra members (e.g. `missing`). */
export class CandidateApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly problem: Record<string, unknown>,
    /** From `Retry-After`, when the server asked us to wait. */
    readonly retryAfterMs: number | null,
  ) {
    super(status, code, message);
  }
}

/** The request never got an HTTP answer: offline, DNS, a dropped connection or our timeout. */
export class NetworkError extends Error {
  readonly code = 'network';
}

export type Fetch = typeof fetch;

interface SendOptions {
  body?: BodyInit;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The candidate half of API v1, for one invitation token. `baseUrl` is empty on the server's own
 * page and an absolute origin when the recorder is embedded in another site (CORS is open there).
 */
export class CandidateApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly fetcher: Fetch = (input, init) => fetch(input, init),
  ) {}

  /**
   * The session; with `language`, the organisers' texts in that language where they wrote it
   * (issue 21), else the server picks the invitation's.
   */
  session(language?: string): Promise<CandidateSession> {
    const query = language ? `?language=${encodeURIComponent(language)}` : '';
    return this.send('GET', `/candidate/session${query}`);
  }

  startAnswer(questionId: string, mimeType: string): Promise<Answer> {
    const body = JSON.stringify({ questionId, mimeType });
    return this.send('POST', '/candidate/answers', { body, headers: JSON_HEADERS });
  }

  answer(answerId: string): Promise<Answer> {
    return this.send('GET', `/candidate/answers/${encodeURIComponent(answerId)}`);
  }

  /** Sends one chunk; the server answers only once the bytes are durable. */
  /**
   * Sends one chunk as the request body (the server's application/octet-stream extension of the
   * multipart contract): no form framing to build here or to parse on the server.
   */
  putChunk(answerId: string, index: number, bytes: ArrayBuffer, sha256: string) {
    // Generous but finite: a stalled connection must not hold the queue forever.
    const timeoutMs = 30_000 + bytes.byteLength / 20;
    const path = `/candidate/answers/${encodeURIComponent(answerId)}/chunks/${index}`;
    return this.send<{ index: number; size: number }>('PUT', path, {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream', 'x-chunk-sha256': sha256 },
      timeoutMs,
    });
  }

  complete(answerId: string, chunkCount: number, durationMs?: number): Promise<Answer> {
    const body = JSON.stringify({ chunkCount, durationMs: durationMs && Math.round(durationMs) });
    const path = `/candidate/answers/${encodeURIComponent(answerId)}/complete`;
    return this.send('POST', path, { body, headers: JSON_HEADERS });
  }

  /**
   * Records consent to the privacy text the server holds now, unless it already has it (a
   * candidate who reloads the welcome screen is not recorded twice).
   */
  async recordConsent(): Promise<void> {
    const privacy = await this.send<CandidatePrivacy>('GET', '/candidate/privacy');
    if (privacy.consentedAt) return;
    const body = JSON.stringify({ version: privacy.version });
    await this.send('POST', '/candidate/consent', { body, headers: JSON_HEADERS });
  }

  /** Extra time (1.5×) on every question; 409 `already_started` once a real take began. */
  accommodations(request: { extraTime: true }): Promise<CandidateSession> {
    const body = JSON.stringify(request);
    return this.send('POST', '/candidate/accommodations', { body, headers: JSON_HEADERS });
  }

  finish(): Promise<Invitation> {
    return this.send('POST', '/candidate/finish');
  }

  /**
   * Extension: forgets a take that recorded nothing, so that it costs no attempt. 409
   * `take_not_empty` when chunks arrived after all; 404 when it is already gone.
   */
  async abandon(answerId: string): Promise<void> {
    const path = `/candidate/answers/${encodeURIComponent(answerId)}/abandon`;
    await this.send('POST', path);
  }

  /**
   * Extension (issue 21): sets an interrupted take aside so that the complete one before it stays
   * the one reviewed. 409 `no_earlier_take` when there is none, `answer_closed` once handed in.
   */
  discard(answerId: string): Promise<Answer> {
    return this.send('POST', `/candidate/answers/${encodeURIComponent(answerId)}/discard`);
  }

  /** Times an upload of `bytes` to the speed-check extension, which counts and drops them. */
  async timeUpload(bytes: number, timeoutMs?: number): Promise<number> {
    const started = performance.now();
    await this.send('POST', '/candidate/upload-test', {
      body: new Uint8Array(bytes),
      headers: { 'content-type': 'application/octet-stream' },
      timeoutMs,
    });
    return performance.now() - started;
  }

  private async send<T>(method: string, path: string, options: SendOptions = {}): Promise<T> {
    const res = await this.raw(method, path, options);
    const body = await res.json().catch(() => null);
    if (!res.ok) throw problemError(res, body);
    return body as T;
  }

  private async raw(method: string, path: string, options: SendOptions): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
    try {
      return await this.fetcher(`${this.baseUrl.replace(/\/$/, '')}/api/v1${path}`, {
        method,
        body: options.body,
        headers: { ...options.headers, authorization: `Bearer ${this.token}` },
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch (err) {
      throw new NetworkError(err instanceof Error ? err.message : String(err));
    } finally {
      clearTimeout(timer);
    }
  }
}

function problemError(res: Response, body: unknown): CandidateApiError {
  const problem = problemFields(res, body);
  return new CandidateApiError(
    problem.status,
    problem.code,
    problem.detail,
    problem.body,
    problem.retryAfterMs,
  );
}
