/**
 * Teams and share links (../shared/API.md, "v1 additions (third release)": **Teams** and
 * **Share with a hiring manager**): request schemas and response shapes, shared by the server
 * and the web components. No Node imports here: this file is bundled for browsers too.
 */
import { z } from 'zod';
import type { Anchors, Competency } from './review.js';
import { safeText } from './safe-text.js';

export const MEMBER_ROLES = ['recruiter', 'reviewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** `PUT /interviews/:id/members`: the whole list, which replaces the one before. */
export const MembersRequest = z.strictObject({
  items: z
    .array(
      z.strictObject({
        userId: z.string().min(1).max(100),
        role: z.enum(MEMBER_ROLES, { message: 'must be recruiter or reviewer' }),
      }),
    )
    .max(1000),
});
export type MembersRequest = z.infer<typeof MembersRequest>;

export interface Member {
  user: { id: string; name: string; email: string };
  role: MemberRole;
}

export const SHARE_DAYS = { min: 1, max: 30, default: 7 } as const;

/** `POST /invitations/:id/shares`. */
export const CreateShareRequest = z.strictObject({
  recipientName: safeText({ min: 1, max: 200 }),
  expiresInDays: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(SHARE_DAYS.min, `must be at least ${SHARE_DAYS.min}`)
    .max(SHARE_DAYS.max, `must be at most ${SHARE_DAYS.max}`)
    .optional()
    .default(SHARE_DAYS.default),
  showName: z.boolean().optional().default(false),
  allowRating: z.boolean().optional().default(true),
});
export type CreateShareRequest = z.input<typeof CreateShareRequest>;

/** A share link as listed; `url` only in the 201 of its creation (the token is never kept). */
export interface Share {
  id: string;
  url?: string;
  recipientName: string;
  expiresAt: string;
  showName: boolean;
  allowRating: boolean;
  createdBy: { id: string; name: string };
  /** How many times `GET /guest/session` was called with this link. */
  opens: number;
  lastOpenedAt: string | null;
}

/** `GET /guest/session` with the share token as Bearer: one candidate, and nothing else. */
export interface GuestSession {
  interview: { title: string; competencies: Competency[] };
  candidate: { label: string; name?: string };
  recipientName: string;
  allowRating: boolean;
  answers: GuestAnswer[];
}

export interface GuestAnswer {
  answerId: string;
  question: {
    prompt: string;
    /** A key of `interview.competencies`, or null when the question has none. */
    competency: string | null;
    guidance: string;
    anchors: Anchors;
  };
  durationMs: number | null;
  videoUrl: string | null;
  posterUrl: string | null;
  /** Extension (branch i19-server): the guest's own rating of this answer, so a reload shows it. */
  myRating?: GuestRating | null;
}

/** `PUT /guest/answers/:answerId/rating`. */
export const GuestRatingRequest = z.strictObject({
  score: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(5, 'must be at most 5'),
  comment: safeText({ max: 5000, multiline: true }).optional().default(''),
});
export type GuestRatingRequest = z.input<typeof GuestRatingRequest>;

export interface GuestRating {
  score: number;
  comment: string;
}

/** `GET /invitations/:id/guest-ratings` (organisers): never counted in results. */
export interface GuestRatingItem {
  shareId: string;
  recipientName: string;
  answerId: string;
  score: number;
  comment: string;
  updatedAt: string;
}
