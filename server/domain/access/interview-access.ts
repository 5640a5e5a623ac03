import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Role } from '../../contracts/api.js';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError, NotFoundError } from '../../errors.js';

/**
 * Who may see which interview (API.md "Teams"): the one rule every route, list, media link,
 * export and socket.io room goes through.
 *
 * - Admins see and change every interview; they need no membership.
 * - A recruiter member (with a recruiter account) sees and changes the interview: `manage`.
 * - Any member reviews it (answers, ratings, by-question lists): `review`.
 * - Everyone else gets 404 for anything about the interview, and lists leave it out.
 */
export type InterviewNeed = 'review' | 'manage';

export interface Viewer {
  id: string;
  role: Role;
  /** Issue 23: an API key acts as a staff user of its role, member of every interview. */
  kind?: 'api_key';
}

/** Whoever sees every interview without a membership: admins, and API keys (API.md). */
function seesAll(viewer: Viewer): boolean {
  return viewer.role === 'admin' || viewer.kind === 'api_key';
}

/** What an interview-scoped request may do: its interview and the caller's standing in it. */
export interface InterviewGrant {
  interviewId: string;
  /** admin, or the membership role; a recruiter account that is a reviewer member reviews only. */
  standing: 'admin' | 'recruiter' | 'reviewer';
}

/** 403 for a member who may look but not do this (they know the interview exists). */
export class NotAllowedHereError extends AppError {
  constructor() {
    super(403, 'forbidden', 'Your role in this interview does not allow this.');
  }
}

type Db = Kysely<Database>;

/**
 * The query helper every list joins through: `.where(visibleTo(viewer, 'invitations.interviewId'))`
 * keeps only rows of interviews the viewer may see (admins: all).
 */
export function visibleTo<DB extends Database, TB extends keyof DB>(
  viewer: Viewer,
  interviewIdColumn: string,
) {
  return (eb: ExpressionBuilder<DB, TB>) => {
    if (seesAll(viewer)) return eb.lit(true);
    const members = (eb as unknown as ExpressionBuilder<Database, 'interviewMembers'>)
      .selectFrom('interviewMembers')
      .select('interviewMembers.interviewId')
      .where('interviewMembers.userId', '=', viewer.id);
    // biome-ignore lint/suspicious/noExplicitAny: the column is named by the caller's query.
    return eb(interviewIdColumn as any, 'in', members as any);
  };
}

/** The ids of the interviews a viewer may see, or null for "all" (admins). */
export async function visibleInterviewIds(db: Db, viewer: Viewer): Promise<Set<string> | null> {
  if (seesAll(viewer)) return null;
  const rows = await db
    .selectFrom('interviewMembers')
    .select('interviewId')
    .where('userId', '=', viewer.id)
    .execute();
  return new Set(rows.map((r) => r.interviewId));
}

/** What an interview-scoped id names: the interview itself, or something inside one. */
export type ScopeKind = 'interview' | 'invitation' | 'answer' | 'share';

/** The interview an id belongs to, or undefined when there is no such thing. */
export async function interviewIdOf(
  db: Db,
  kind: ScopeKind,
  id: string,
): Promise<string | undefined> {
  switch (kind) {
    case 'interview':
      return (
        await db.selectFrom('interviews').select('id').where('id', '=', id).executeTakeFirst()
      )?.id;
    case 'invitation':
      return (
        await db
          .selectFrom('invitations')
          .select('interviewId')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.interviewId;
    case 'answer':
      return (
        await db
          .selectFrom('answers')
          .innerJoin('invitations', 'invitations.id', 'answers.invitationId')
          .select('invitations.interviewId')
          .where('answers.id', '=', id)
          .executeTakeFirst()
      )?.interviewId;
    case 'share':
      return (
        await db
          .selectFrom('shares')
          .innerJoin('invitations', 'invitations.id', 'shares.invitationId')
          .select('invitations.interviewId')
          .where('shares.id', '=', id)
          .executeTakeFirst()
      )?.interviewId;
  }
}

/** The viewer's standing in an interview, or null when they may not see it. */
export async function standingIn(
  db: Db,
  viewer: Viewer,
  interviewId: string,
): Promise<InterviewGrant['standing'] | null> {
  if (viewer.role === 'admin') return 'admin';
  if (viewer.kind === 'api_key') return viewer.role === 'recruiter' ? 'recruiter' : 'reviewer';
  const row = await db
    .selectFrom('interviewMembers')
    .select('role')
    .where('interviewId', '=', interviewId)
    .where('userId', '=', viewer.id)
    .executeTakeFirst();
  if (!row) return null;
  // A membership says what the person does here, but never more than their account allows.
  return row.role === 'recruiter' && viewer.role === 'recruiter' ? 'recruiter' : 'reviewer';
}

const NOT_FOUND: Record<ScopeKind, string> = {
  interview: 'There is no such interview.',
  invitation: 'There is no such invitation.',
  answer: 'There is no such answer.',
  share: 'There is no such share.',
};

/**
 * Checks that the viewer may do `need` with what `id` names: 404 when it does not exist or
 * they are not a member (the same answer, so nobody learns what exists elsewhere), 403 when
 * they are a member who may only review.
 */
export async function grantFor(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  kind: ScopeKind,
  id: string,
  need: InterviewNeed,
): Promise<InterviewGrant> {
  const interviewId = await interviewIdOf(deps.db, kind, id);
  const standing = interviewId ? await standingIn(deps.db, viewer, interviewId) : null;
  if (!interviewId || !standing) throw new NotFoundError(NOT_FOUND[kind]);
  if (need === 'manage' && standing === 'reviewer') throw new NotAllowedHereError();
  return { interviewId, standing };
}
