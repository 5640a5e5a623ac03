import type { GuestRating, GuestSession } from '../../server/contracts/sharing.js';
import { problemFields } from '../api-client.js';

/** A problem from the guest API: 404 means the link expired, was revoked or never existed. */
export class GuestProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** The share token is the last part of the page's path (`/s/<token>`); it stays in memory. */
export function tokenFromPath(pathname = location.pathname): string {
  return decodeURIComponent(pathname.split('/').filter(Boolean).pop() ?? '');
}

async function call<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  const res = await fetch(`/api/v1/guest/${path}`, { ...init, headers, cache: 'no-store' });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = problemFields(res, body, '');
    throw new GuestProblem(problem.status, problem.code, problem.detail);
  }
  return body as T;
}

export function guestSession(token: string): Promise<GuestSession> {
  return call(token, 'session');
}

export function rateAnswer(token: string, answerId: string, rating: GuestRating) {
  return call<GuestRating>(token, `answers/${encodeURIComponent(answerId)}/rating`, {
    method: 'PUT',
    body: JSON.stringify(rating),
  });
}
