import type {
  ApplicationRequest,
  ApplicationResult,
  PublicProgramme,
} from '../../server/contracts/programmes.js';
import { ApiError, type FieldProblem, type ProblemFields, problemFields } from '../api-client.js';

/** A problem document from the public API, with the fields it refused and when to retry. */
export class ApplyProblem extends ApiError {
  readonly errors: FieldProblem[];
  /** Seconds, from `Retry-After` on 429. */
  readonly retryAfter: number | null;

  constructor(problem: ProblemFields) {
    super(problem.status, problem.code, problem.detail);
    this.errors = problem.errors;
    this.retryAfter = problem.retryAfterMs === null ? null : problem.retryAfterMs / 1000;
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`/api/v1/public/programmes/${path}`, { ...init, cache: 'no-store' });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApplyProblem(problemFields(res, body));
  return body as T;
}

/** The programme, its organisers' texts in `language` where they wrote it so (issue 21). */
export function getProgramme(slug: string, language: string): Promise<PublicProgramme> {
  return call(`${encodeURIComponent(slug)}?language=${encodeURIComponent(language)}`);
}

export function apply(slug: string, application: ApplicationRequest): Promise<ApplicationResult> {
  return call(`${encodeURIComponent(slug)}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(application),
  });
}
