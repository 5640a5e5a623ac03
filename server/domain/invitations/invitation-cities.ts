import type { Db } from '../../db/database.js';
import { InputError } from '../../errors.js';
import { programmeOf } from '../programmes/programme-settings.js';
import { locationClosesAt } from '../programmes/public-programme.js';

/**
 * Issue 21 (API.md "Cities after applying"): staff may invite a candidate to one city of a
 * multi-city programme. Each city closes on its own deadline, so the invitation closes as an
 * application to that city does: the earlier of the city's and the interview's deadline.
 */
export interface CityChoice {
  locationKey: string | null;
  expiresAt: string;
}

/**
 * The city and expiry of each requested candidate, in order; 400 naming every candidate whose
 * key is not one of the interview's cities or whose city has already closed.
 */
export async function citiesOf(
  db: Db,
  interviewId: string,
  candidates: { locationKey?: string | undefined }[],
  usualExpiry: string,
  interviewDeadline: string | null,
  now: Date,
): Promise<CityChoice[]> {
  if (candidates.every((c) => !c.locationKey)) {
    return candidates.map(() => ({ locationKey: null, expiresAt: usualExpiry }));
  }
  const programme = await programmeOf(db, interviewId);
  const deadlines = new Map(
    (programme?.locations ?? []).map((l) => [l.key, new Date(l.deadline).toISOString()]),
  );
  const errors: { path: string; message: string }[] = [];
  const choices = candidates.map((c, i): CityChoice => {
    if (!c.locationKey) return { locationKey: null, expiresAt: usualExpiry };
    const deadline = deadlines.get(c.locationKey);
    const path = `candidates.${i}.locationKey`;
    if (!deadline) errors.push({ path, message: 'is not one of this interview’s cities' });
    else if (deadline <= now.toISOString())
      errors.push({ path, message: 'names a city whose deadline has passed' });
    const expiresAt = deadline ? locationClosesAt(deadline, interviewDeadline) : usualExpiry;
    return { locationKey: c.locationKey, expiresAt };
  });
  if (errors.length > 0) throw new InputError('Choose one of the interview’s open cities.', errors);
  return choices;
}
