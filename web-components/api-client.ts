/**
 * What every browser client of API v1 shares: the one reader of its problem documents
 * (RFC 9457, application/problem+json) and the error thrown with the server's stable code.
 */

/** A field the server refused (400 `invalid_request`), as `path: message`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The members of a problem document that the browser reads. */
export interface ProblemFields {
  status: number;
  /** The stable code (`not_found`, `invalid_request`…); `http_<status>` when the body has none. */
  code: string;
  /** The server's sentence, written for people; the fallback when the body has none. */
  detail: string;
  /** Which fields were refused, when some were. */
  errors: FieldProblem[];
  /** From `Retry-After`, when the server asked to wait. */
  retryAfterMs: number | null;
  /** The whole document, for extension members. */
  body: Record<string, unknown>;
}

/** Reads a failed response's problem document from its parsed body, whatever that holds. */
export function problemFields(
  res: Response,
  body: unknown,
  fallbackDetail = res.statusText,
): ProblemFields {
  const problem = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const retryAfter = Number(res.headers.get('retry-after'));
  return {
    status: res.status,
    code: typeof problem.code === 'string' ? problem.code : `http_${res.status}`,
    detail: typeof problem.detail === 'string' ? problem.detail : fallbackDetail,
    errors: Array.isArray(problem.errors) ? (problem.errors as FieldProblem[]) : [],
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    body: problem,
  };
}

/** A problem document from the API, thrown as an error with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  static from(problem: ProblemFields): ApiError {
    return new ApiError(problem.status, problem.code, problem.detail);
  }
}

/** Reads the body of a failed response and throws its problem as an ApiError. */
export async function throwProblem(res: Response, fallbackDetail?: string): Promise<never> {
  const body = await res.json().catch(() => null);
  throw ApiError.from(problemFields(res, body, fallbackDetail));
}

/** Calls API v1 with a bearer token and JSON; throws ApiError with the server's sentence. */
export async function apiFetch<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (init.body && typeof init.body === 'string') headers.set('content-type', 'application/json');
  const res = await fetch(`/api/v1${path}`, { ...init, headers });
  if (!res.ok) return throwProblem(res, 'Something went wrong. Please try again.');
  return (res.status === 204 ? null : await res.json().catch(() => null)) as T;
}
