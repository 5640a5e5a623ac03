import type { ApplicationOutcome, ApplicationRequest, PublicProgramme } from './programme-types.js';

/** A problem document from the public API. */
export class ApplyProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors: { path: string; message: string }[] = [],
    /** Seconds, from `Retry-After` on 429. */
    readonly retryAfter: number | null = null,
  ) {
    super(detail);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`/api/v1/public/programmes/${path}`, { ...init, cache: 'no-store' });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new ApplyProblem(
      res.status,
      body?.code ?? `http_${res.status}`,
      body?.detail ?? res.statusText,
      Array.isArray(body?.errors) ? body.errors : [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return body as T;
}

export function getProgramme(slug: string): Promise<PublicProgramme> {
  return call(encodeURIComponent(slug));
}

export function apply(slug: string, application: ApplicationRequest): Promise<ApplicationOutcome> {
  return call(`${encodeURIComponent(slug)}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(application),
  });
}
