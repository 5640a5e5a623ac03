import { msg, str } from '@lit/localize';
import type { Interview } from '../../../server/contracts/api.js';
import { formatDateTime } from '../shared/format.js';

/**
 * When an interview closes, in words: its own deadline and each city's (issue 21: a multi-city
 * programme has a deadline per city, which "No deadline" hid). Null when there is none at all.
 */
export function deadlineParts(interview: Pick<Interview, 'deadline' | 'public'>): string[] {
  const parts: string[] = [];
  if (interview.deadline) parts.push(formatDateTime(interview.deadline));
  for (const city of interview.public?.locations ?? []) {
    const when = formatDateTime(city.deadline);
    parts.push(msg(str`${city.name}: ${when}`, { id: 'ws.deadline.city' }));
  }
  return parts;
}

/** "Deadline: …" for the interview page; every city's when the interview has cities. */
export function deadlineSentence(interview: Pick<Interview, 'deadline' | 'public'>): string {
  const parts = deadlineParts(interview);
  if (parts.length === 0) return msg('No deadline', { id: 'ws.page.noDeadline' });
  const list = parts.join(' · ');
  return interview.public?.locations.length
    ? msg(str`Deadlines: ${list}`, { id: 'ws.deadline.cities' })
    : msg(str`Deadline: ${list}`, { id: 'ws.page.deadline' });
}
