import type { Interview } from '../../contracts/api.js';
import type { InterviewChanges } from '../../contracts/edit-requests.js';
import { AppError } from '../../errors.js';

/** 403 `admin_only`: the change would reduce candidates' privacy; only an admin may make it. */
export class AdminOnlyError extends AppError {
  constructor(fields: string[]) {
    super(
      403,
      'admin_only',
      `Only an admin may make this change, because it reduces candidates' privacy: ${fields.join(', ')}.`,
      { fields },
    );
  }
}

/**
 * The fields of an edit that reduce candidates' privacy (API.md "Teams"): blind review turned
 * off, a shorter retention, the deadline or a location's deadline moved into the past (which
 * closes invitations and starts the retention clock, possibly erasing at the next sweep).
 */
export function privacyReducingFields(
  current: Interview,
  changes: InterviewChanges,
  now: Date,
): string[] {
  const fields: string[] = [];
  if (current.review.blind && changes.review?.blind === false) fields.push('review.blind');
  if (changes.retentionDays !== undefined && changes.retentionDays < current.retentionDays)
    fields.push('retentionDays');
  if (movedIntoPast(current.deadline, changes.deadline, now)) fields.push('deadline');
  const before = new Map((current.public?.locations ?? []).map((l) => [l.key, l.deadline]));
  for (const location of changes.public?.locations ?? []) {
    if (movedIntoPast(before.get(location.key) ?? null, location.deadline, now)) {
      fields.push(`public.locations.${location.key}.deadline`);
    }
  }
  return fields;
}

function movedIntoPast(before: string | null, after: string | null | undefined, now: Date) {
  if (after === undefined || after === null) return false;
  const at = new Date(after).getTime();
  if (at > now.getTime()) return false;
  // Unchanged (an edit that resends a deadline already past) reduces nothing.
  return before === null || new Date(before).getTime() !== at;
}
