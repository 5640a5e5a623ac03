/**
 * Contracts of "Data rights and audit" (../shared/API.md): retention, erasure, a candidate's
 * export, consent and the audit trail. Kept apart from api.ts so features merge cleanly; no
 * Node imports (bundled for browsers too).
 */
import { z } from 'zod';

export const AuditQuery = z.object({
  invitationId: z.string().trim().min(1).max(100).optional(),
  actorId: z.string().trim().min(1).max(100).optional(),
  /** Extension (issue 21): entries about this interview or any of its candidates. */
  interviewId: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  cursor: z.string().trim().min(1).max(200).optional(),
});

/** Who can appear in the trail (server/domain/actor.ts has the full Actor). */
export type AuditActorType = 'staff' | 'candidate' | 'guest' | 'api_key' | 'system';

export interface AuditEntryView {
  id: string;
  at: string;
  actor: { type: AuditActorType; id: string | null; name: string | null };
  action: string;
  target: { type: string; id: string | null };
  /** Extension: the invitation the entry concerns, when there is one. */
  invitationId: string | null;
  /** interview.updated: names of the top-level fields that changed. */
  changes?: string[];
  /** An action through a candidate link that staff were handed (email off). */
  via?: { issuedBy: { id: string; name: string | null } };
  /**
   * Extension (issue 21), on entries with an `invitationId`: the candidate, by current name;
   * once erased, `{ name: null, erased: true }` and nothing else about them.
   */
  candidate?: { name: string | null; erased: boolean };
  /** Extension (issue 21): the interview the entry concerns, while it can still be told. */
  interview?: { id: string; title: string };
  /** Extension (issue 21): the account a `user.*` entry is about (never on `login.failed`). */
  targetUser?: { id: string; name: string; email: string };
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

export const PrivacyText = z
  .string()
  .trim()
  .max(20_000, 'is longer than 20000 characters')
  .nullable()
  .transform((v) => (v === '' ? null : v));

/** Fields of `POST /interviews` and `PATCH /interviews/:id` this feature adds. */
export const InterviewDataRightsInput = z.object({
  retentionDays: RetentionDays.optional(),
  /** Extension: the privacy notice candidates read and consent to; null restores the default. */
  privacyText: PrivacyText.optional(),
});

export interface InterviewDataRights {
  retentionDays: number;
  privacyText: string | null;
}

export const ConsentRequest = z.object({
  /** The version of the privacy text the candidate read, from GET /candidate/privacy. */
  version: z.string().trim().min(1, 'is required').max(100),
});

export interface CandidatePrivacy {
  text: string;
  version: string;
  /** False while the interview uses the built-in notice (pages may show it translated). */
  custom: boolean;
  consentedAt: string | null;
  retentionDays: number;
  /** When the candidate's data will be erased at the latest. */
  erasedBy: string;
}
