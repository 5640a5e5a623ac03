/**
 * Teams (API.md "Teams"): new interviews start with their creator alone, so a test that has
 * other staff review or manage an interview makes them members first.
 */
import assert from 'node:assert/strict';
import type { Api } from '../helpers/api.js';

const ids = new WeakMap<Api, string>();

/** The user id behind a signed-in client. */
export async function userIdOf(staff: Api): Promise<string> {
  let id = ids.get(staff);
  if (!id) {
    const me = await staff.get<{ id: string }>('/me');
    assert.equal(me.status, 200, JSON.stringify(me.body));
    id = me.body.id;
    ids.set(staff, id);
  }
  return id;
}

/**
 * Adds people to an interview's team (keeping those already there), as `by` (an admin or a
 * recruiter member).
 */
export async function addMembers(
  by: Api,
  interviewId: string,
  people: { staff: Api; role: 'recruiter' | 'reviewer' }[],
): Promise<void> {
  const current = await by.get<{ items: { user: { id: string }; role: string }[] }>(
    `/interviews/${interviewId}/members`,
  );
  assert.equal(current.status, 200, JSON.stringify(current.body));
  const items = new Map(current.body.items.map((m) => [m.user.id, m.role]));
  for (const p of people) items.set(await userIdOf(p.staff), p.role);
  const res = await by.put(`/interviews/${interviewId}/members`, {
    items: [...items].map(([userId, role]) => ({ userId, role })),
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}
