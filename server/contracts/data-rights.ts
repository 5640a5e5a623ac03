/**
 * Contracts of "Data rights and audit" (../shared/API.md): retention, erasure, a candidate's
 * export, consent and the audit trail. Kept apart from api.ts so features merge cleanly; no
 * Node imports (bundled for browsers too).
 */
import { z } from 'zod';

export const AuditQuery = z.object({
  invitationId: z.string().trim().min(1).max(100).optional(),
  actorId: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  cursor: z.string().trim().min(1).max(200).optional(),
});

export interface AuditEntryView {
  id: string;
  at: string;
  actor: { type: 'staff' | 'candidate' | 'system'; id: string | null; name: string | null };
  action: string;
  target: { type: string; id: string | null };
  /** Extension: the invitation the entry concerns, when there is one. */
  invitationId: string | null;
}

export interface AuditPage {
  items: AuditEntryView[];
  nextCursor?: string;
}

export const RetentionDays = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be at least 0')
  .max(3650, 'must be at most 3650');

export const EraseRequest = z.object({
  confirm: z.literal(true, { message: 'must be true' }),
});
