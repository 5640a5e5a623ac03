import { msg } from '@lit/localize';
import type { StaffMember } from '../../../server/contracts/api.js';
import type { Member, MemberRole } from '../../../server/contracts/sharing.js';

/** At most this many matches are listed: a longer list helps nobody, type more instead. */
const MAX_MATCHES = 20;

/** "Élodie" is found by "elodie": case and accents do not matter when searching a name. */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * Staff who could be added: active, not already members, and not admins (who see every
 * interview anyway), whose name or email contains every word typed.
 */
export function searchStaff(
  staff: readonly StaffMember[],
  members: readonly Member[],
  query: string,
): StaffMember[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const taken = new Set(members.map((m) => m.user.id));
  return staff
    .filter((s) => s.active && s.role !== 'admin' && !taken.has(s.id))
    .filter((s) => {
      const haystack = folded(`${s.name} ${s.email}`);
      return words.every((word) => haystack.includes(word));
    })
    .slice(0, MAX_MATCHES);
}

/** A member role as a word in a sentence ("recruiter"). */
export function memberRoleName(role: MemberRole): string {
  return role === 'recruiter'
    ? msg('recruiter', { id: 'ws.members.recruiter' })
    : msg('reviewer', { id: 'ws.members.reviewer' });
}
