import { msg } from '@lit/localize';
import type { Role } from '../../../server/contracts/api.js';

/**
 * The roles, in the order offered. Kept here rather than imported as a value from the shared
 * contract, which would pull zod (~450 KB) into the browser bundle for three words.
 */
export const ROLE_CHOICES: readonly Role[] = ['admin', 'recruiter', 'reviewer'];

export function roleName(role: Role): string {
  switch (role) {
    case 'admin':
      return msg('Admin: everything, including users', { id: 'ws.role.admin' });
    case 'recruiter':
      return msg('Recruiter: interviews, candidates, reviews', { id: 'ws.role.recruiter' });
    case 'reviewer':
      return msg('Reviewer: watches and rates', { id: 'ws.role.reviewer' });
  }
}
