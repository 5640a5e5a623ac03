import type { InterviewDataRights } from '../../contracts/data-rights.js';
import type { Db } from '../../db/database.js';

export const DEFAULT_RETENTION_DAYS = 365;

/** Adds `retentionDays` and `privacyText` to interviews read by the shared interview code. */
export async function withDataRights<T extends { id: string }>(
  db: Db,
  interviews: T[],
): Promise<(T & InterviewDataRights)[]> {
  if (interviews.length === 0) return [];
  const rows = await db
    .selectFrom('interviews')
    .select(['id', 'retentionDays', 'privacyText'])
    .where(
      'id',
      'in',
      interviews.map((i) => i.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return interviews.map((interview) => ({
    ...interview,
    retentionDays: byId.get(interview.id)?.retentionDays ?? DEFAULT_RETENTION_DAYS,
    privacyText: byId.get(interview.id)?.privacyText ?? null,
  }));
}

export async function withDataRightsOne<T extends { id: string }>(
  db: Db,
  interview: T,
): Promise<T & InterviewDataRights> {
  const [one] = await withDataRights(db, [interview]);
  return one!;
}

/** Saves the settings given at creation (the create use-case knows nothing of them). */
export async function saveDataRights<T extends { id: string }>(
  db: Db,
  interview: T,
  settings: Partial<InterviewDataRights>,
): Promise<T & InterviewDataRights> {
  const changes = Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as Partial<InterviewDataRights>;
  if (Object.keys(changes).length > 0)
    await db.updateTable('interviews').set(changes).where('id', '=', interview.id).execute();
  return withDataRightsOne(db, interview);
}
