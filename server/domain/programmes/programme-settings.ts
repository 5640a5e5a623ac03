import type { Kysely } from 'kysely';
import type { ProgrammeSettings, ProgrammeSettingsInput } from '../../contracts/programmes.js';
import type { Database, ProgrammesTable } from '../../db/schema.js';
import { ConflictError } from '../../errors.js';

/** Shown with the consent box when the organisers wrote none of their own. */
export const DEFAULT_CONSENT_TEXT =
  'We keep your name, email, answers and recordings only to assess your application, for as ' +
  'long as the programme needs them. You may ask to see or erase them at any time.';

type Executor = Kysely<Database>;

export function slugTakenError(): ConflictError {
  return new ConflictError('slug_taken', 'Another interview already uses this public link name.');
}

/** Creates or replaces an interview's programme settings; 409 slug_taken if the slug is used. */
export async function saveProgramme(
  db: Executor,
  interviewId: string,
  input: ProgrammeSettingsInput,
): Promise<void> {
  const other = await db
    .selectFrom('programmes')
    .select('interviewId')
    .where('slug', '=', input.slug)
    .where('interviewId', '!=', interviewId)
    .executeTakeFirst();
  if (other) throw slugTakenError();
  const row = {
    enabled: input.enabled ? 1 : 0,
    slug: input.slug,
    locations: JSON.stringify(
      input.locations.map((l) => ({ ...l, deadline: new Date(l.deadline).toISOString() })),
    ),
    eligibility: JSON.stringify(input.eligibility),
    consentText: input.consentText ?? null,
  };
  const updated = await db
    .updateTable('programmes')
    .set(row)
    .where('interviewId', '=', interviewId)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    await db
      .insertInto('programmes')
      .values({ interviewId, ...row })
      .execute();
  }
}

export function toProgrammeSettings(row: ProgrammesTable): ProgrammeSettings {
  return {
    enabled: row.enabled === 1,
    slug: row.slug,
    locations: JSON.parse(row.locations),
    eligibility: JSON.parse(row.eligibility),
    consentText: row.consentText ?? DEFAULT_CONSENT_TEXT,
  };
}

/** The programme settings of an interview, or null when it has none. */
export async function programmeOf(
  db: Executor,
  interviewId: string,
): Promise<ProgrammeSettings | null> {
  const row = await db
    .selectFrom('programmes')
    .selectAll()
    .where('interviewId', '=', interviewId)
    .executeTakeFirst();
  return row ? toProgrammeSettings(row) : null;
}

/** The settings of several interviews at once (for the list), by interview id. */
export async function programmesOf(
  db: Executor,
  interviewIds: string[],
): Promise<Map<string, ProgrammeSettings>> {
  if (interviewIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('programmes')
    .selectAll()
    .where('interviewId', 'in', interviewIds)
    .execute();
  return new Map(rows.map((r) => [r.interviewId, toProgrammeSettings(r)]));
}

/** The location's name by key, for invitation views. */
export function locationName(settings: ProgrammeSettings | null, key: string | null) {
  if (!key) return null;
  const found = settings?.locations.find((l) => l.key === key);
  return { key, name: found?.name ?? key };
}
