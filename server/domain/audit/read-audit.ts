import type { AuditEntryView, AuditPage } from '../../contracts/data-rights.js';
import type { Deps } from '../../deps.js';
import { InputError } from '../../errors.js';

export interface AuditFilter {
  invitationId?: string;
  actorId?: string;
  limit: number;
  cursor?: string;
}

/**
 * A page of the trail, newest first. Names come from the current users and candidates tables:
 * an erased candidate's entries keep their ids and times but no name.
 */
export async function readAudit(deps: Deps, filter: AuditFilter): Promise<AuditPage> {
  await deps.audit.flush(); // what this process just recorded is part of the answer
  let query = deps.db
    .selectFrom('auditLog')
    .leftJoin('users', (join) =>
      join
        .onRef('users.id', '=', 'auditLog.actorId')
        // An API key's name is on its users row (issue 23).
        .on('auditLog.actorType', 'in', ['staff', 'api_key']),
    )
    .leftJoin('candidates', (join) =>
      join
        .onRef('candidates.id', '=', 'auditLog.actorId')
        .on('auditLog.actorType', '=', 'candidate'),
    )
    .select([
      'auditLog.id',
      'auditLog.at',
      'auditLog.actorType',
      'auditLog.actorId',
      'auditLog.action',
      'auditLog.targetType',
      'auditLog.targetId',
      'auditLog.invitationId',
      'users.name as staffName',
      'candidates.name as candidateName',
    ])
    .orderBy('auditLog.at', 'desc')
    .orderBy('auditLog.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.invitationId) query = query.where('auditLog.invitationId', '=', filter.invitationId);
  if (filter.actorId) query = query.where('auditLog.actorId', '=', filter.actorId);
  if (filter.cursor) {
    const { at, id } = decodeCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([
        eb('auditLog.at', '<', at),
        eb.and([eb('auditLog.at', '=', at), eb('auditLog.id', '<', id)]),
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const items: AuditEntryView[] = page.map((row) => ({
    id: row.id,
    at: row.at,
    actor: {
      type: row.actorType,
      id: row.actorId,
      // A failed sign-in names nobody: the account may be the one being guessed.
      name: row.action === 'login.failed' ? null : (row.staffName ?? row.candidateName ?? null),
    },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    invitationId: row.invitationId,
  }));
  const last = page.at(-1);
  return rows.length > filter.limit && last
    ? { items, nextCursor: encodeCursor(last.at, last.id) }
    : { items };
}

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {}
  throw new InputError('The cursor is not one this server gave.', [
    { path: 'cursor', message: 'is not valid' },
  ]);
}
