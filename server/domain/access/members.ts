import type { Member, MembersRequest } from '../../contracts/sharing.js';
import type { Deps } from '../../deps.js';
import { InputError } from '../../errors.js';
import { staffActor } from '../actor.js';
import type { Viewer } from './interview-access.js';

/** GET /interviews/:id/members: recruiter and reviewer members, by name. */
export async function listMembers(deps: Pick<Deps, 'db'>, interviewId: string): Promise<Member[]> {
  const rows = await deps.db
    .selectFrom('interviewMembers')
    .innerJoin('users', 'users.id', 'interviewMembers.userId')
    .select(['users.id', 'users.name', 'users.email', 'interviewMembers.role'])
    .where('interviewMembers.interviewId', '=', interviewId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({ user: { id: r.id, name: r.name, email: r.email }, role: r.role }));
}

/**
 * PUT /interviews/:id/members replaces the list. Every user must exist, appear once, and a
 * reviewer account can only be a reviewer member (400, nothing changes). Sockets of people who
 * joined or left start or stop hearing about the interview at once (see socket-server.ts).
 */
export async function replaceMembers(
  deps: Deps,
  editor: Viewer,
  interviewId: string,
  input: MembersRequest,
): Promise<Member[]> {
  const ids = input.items.map((m) => m.userId);
  const users =
    ids.length === 0
      ? []
      : await deps.db
          .selectFrom('users')
          .select(['id', 'role'])
          .where('id', 'in', [...new Set(ids)])
          .execute();
  const roleOf = new Map(users.map((u) => [u.id, u.role]));
  const errors = input.items.flatMap((m, i) => {
    if (!roleOf.has(m.userId)) return [{ path: `items.${i}.userId`, message: 'is not a user' }];
    if (ids.indexOf(m.userId) !== i)
      return [{ path: `items.${i}.userId`, message: 'is listed twice' }];
    if (m.role === 'recruiter' && roleOf.get(m.userId) === 'reviewer')
      return [{ path: `items.${i}.role`, message: 'a reviewer account can only be a reviewer' }];
    return [];
  });
  if (errors.length > 0) {
    throw new InputError(
      `Some members are not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`,
      errors,
    );
  }
  const createdAt = deps.now().toISOString();
  const before = await deps.db
    .selectFrom('interviewMembers')
    .select('userId')
    .where('interviewId', '=', interviewId)
    .execute();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('interviewMembers').where('interviewId', '=', interviewId).execute();
    if (input.items.length > 0) {
      await trx
        .insertInto('interviewMembers')
        .values(input.items.map((m) => ({ interviewId, ...m, createdAt })))
        .execute();
    }
    await deps.audit.recordInTransaction(trx, {
      actor: staffActor(editor),
      action: 'members.updated',
      target: { type: 'interview', id: interviewId },
    });
  });
  const after = new Set(ids);
  for (const { userId } of before) {
    if (!after.has(userId)) deps.sessions.membershipChanged({ userId, interviewId, member: false });
  }
  for (const userId of after)
    deps.sessions.membershipChanged({ userId, interviewId, member: true });
  return listMembers(deps, interviewId);
}
