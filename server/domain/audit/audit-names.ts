import type { AuditEntryView } from '../../contracts/data-rights.js';
import type { Db } from '../../db/database.js';

/** What an entry needs to be named: the row's ids, before any name is looked up. */
export interface UnnamedEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  invitationId: string | null;
}

/** The names an entry gains (issue 21): what the audit page shows instead of ids. */
export type EntryNames = Pick<AuditEntryView, 'candidate' | 'interview' | 'targetUser'>;

/**
 * Current names of the candidates, interviews and accounts a page of entries is about, looked up
 * at read time like the actors' names. An erased candidate's invitation is gone, so nothing can
 * name them: such entries say `erased: true` and carry no name and no interview.
 */
export async function nameEntries(db: Db, rows: UnnamedEntry[]): Promise<EntryNames[]> {
  const [invitations, interviews, users] = await Promise.all([
    invitationsOf(
      db,
      ids(rows, (r) => r.invitationId),
    ),
    interviewsOf(
      db,
      ids(rows, (r) => (r.targetType === 'interview' ? r.targetId : null)),
    ),
    usersOf(
      db,
      ids(rows, (r) => (namesTargetUser(r) ? r.targetId : null)),
    ),
  ]);
  return rows.map((row) => {
    const names: EntryNames = {};
    if (row.invitationId) {
      const invitation = invitations.get(row.invitationId);
      names.candidate = invitation
        ? { name: invitation.candidateName, erased: false }
        : { name: null, erased: true };
      if (invitation)
        names.interview = { id: invitation.interviewId, title: invitation.interviewTitle };
    }
    const interview = row.targetType === 'interview' && interviews.get(row.targetId ?? '');
    if (interview) names.interview = interview;
    const user = namesTargetUser(row) && users.get(row.targetId ?? '');
    if (user) names.targetUser = user;
    return names;
  });
}

/** A failed sign-in names nobody: the account may be the one being guessed. */
function namesTargetUser(row: UnnamedEntry): boolean {
  return row.targetType === 'user' && row.action !== 'login.failed';
}

function ids(rows: UnnamedEntry[], pick: (row: UnnamedEntry) => string | null): string[] {
  return [...new Set(rows.map(pick).filter((id): id is string => id !== null))];
}

async function invitationsOf(db: Db, invitationIds: string[]) {
  if (invitationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('invitations')
    .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
    .innerJoin('interviews', 'interviews.id', 'invitations.interviewId')
    .select([
      'invitations.id',
      'invitations.interviewId',
      'candidates.name as candidateName',
      'interviews.title as interviewTitle',
    ])
    .where('invitations.id', 'in', invitationIds)
    // Being erased (erasure-races): the name goes with it, so it is not shown meanwhile either.
    .where('invitations.erasingAt', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

async function interviewsOf(db: Db, interviewIds: string[]) {
  if (interviewIds.length === 0) return new Map<string, { id: string; title: string }>();
  const rows = await db
    .selectFrom('interviews')
    .select(['id', 'title'])
    .where('id', 'in', interviewIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

async function usersOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { id: string; name: string; email: string }>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
