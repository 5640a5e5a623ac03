import type { AuditEntryView, AuditPage } from '../../contracts/data-rights.js';
import type { Deps } from '../../deps.js';
import { InputError } from '../../errors.js';
import type { AuditDetails } from './audit-log.js';
import { nameEntries } from './audit-names.js';

export interface AuditFilter {
  invitationId?: string;
  actorId?: string;
  interviewId?: string;
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
    .leftJoin('shares', (join) =>
      join.onRef('shares.id', '=', 'auditLog.actorId').on('auditLog.actorType', '=', 'guest'),
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
      'shares.recipientName as guestName',
      'auditLog.details',
    ])
    .orderBy('auditLog.at', 'desc')
    .orderBy('auditLog.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.invitationId) query = query.where('auditLog.invitationId', '=', filter.invitationId);
  if (filter.actorId) query = query.where('auditLog.actorId', '=', filter.actorId);
  const { interviewId } = filter;
  if (interviewId) {
    query = query.where((eb) =>
      eb.or([
        eb.and([
          eb('auditLog.targetType', '=', 'interview'),
          eb('auditLog.targetId', '=', interviewId),
        ]),
        eb(
          'auditLog.invitationId',
          'in',
          eb.selectFrom('invitations').select('id').where('interviewId', '=', interviewId),
        ),
      ]),
    );
  }
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
  const details = page.map((row) => parseDetails(row.details));
  const issuerNames = await staffNames(
    deps,
    details.flatMap((d) => (d.via ? [d.via.issuedBy.id] : [])),
  );
  const names = await nameEntries(deps.db, page);
  const items: AuditEntryView[] = page.map((row, i) => {
    const { changes, via } = details[i]!;
    const about = names[i]!;
    // A candidate erased of this invitation is named nowhere in it, even if another invitation
    // keeps their candidate row (and name) alive.
    const erasedActor = row.actorType === 'candidate' && about.candidate?.erased === true;
    return {
      id: row.id,
      at: row.at,
      actor: {
        type: row.actorType,
        id: row.actorId,
        // A failed sign-in names nobody: the account may be the one being guessed.
        name:
          row.action === 'login.failed' || erasedActor
            ? null
            : (row.staffName ?? row.candidateName ?? row.guestName ?? null),
      },
      action: row.action,
      target: { type: row.targetType, id: row.targetId },
      invitationId: row.invitationId,
      ...(changes ? { changes } : {}),
      ...(via
        ? {
            via: {
              issuedBy: {
                id: via.issuedBy.id,
                name: issuerNames.get(via.issuedBy.id) ?? null,
              },
            },
          }
        : {}),
      ...about,
    };
  });
  const last = page.at(-1);
  return rows.length > filter.limit && last
    ? { items, nextCursor: encodeCursor(last.at, last.id) }
    : { items };
}

function parseDetails(text: string | null | undefined): AuditDetails {
  if (!text) return {};
  try {
    return JSON.parse(text) as AuditDetails;
  } catch {
    return {};
  }
}

/** Current names of staff members named in entries' details (names are never stored there). */
async function staffNames(deps: Deps, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
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
