/**
 * Contracts of "Teams" and "Share with a hiring manager" (../shared/API.md, third release).
 * Kept apart from api.ts so features merge cleanly; no Node imports (bundled for browsers too).
 */
import { z } from 'zod';
import type { Anchors, Competency } from './review.js';
import { safeText } from './safe-text.js';

const id = z.string().trim().min(1, 'is required').max(100);

export const MembersRequest = z.strictObject({
  items: z
    .array(z.strictObject({ userId: id, role: z.enum(['recruiter', 'reviewer']) }))
    .max(500, 'allows at most 500 members'),
});
export type MembersRequest = z.output<typeof MembersRequest>;

export interface Member {
  user: { id: string; name: string; email: string };
  role: 'recruiter' | 'reviewer';
}

export const CreateShareRequest = z.strictObject({
  recipientName: safeText({ min: 1, max: 200 }),
  expiresInDays: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(30, 'must be at most 30')
    .optional()
    .default(7),
  showName: z.boolean({ message: 'must be true or false' }).optional().default(false),
  allowRating: z.boolean({ message: 'must be true or false' }).optional().default(true),
});

export interface Share {
  id: string;
  /** Only in the answer to the POST that created it: the token is never stored. */
  url?: string;
  recipientName: string;
  expiresAt: string;
  showName: boolean;
  allowRating: boolean;
  createdBy: { id: string; name: string };
  opens: number;
  lastOpenedAt: string | null;
}

export const GuestRatingRequest = z.strictObject({
  score: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1 to 5')
    .max(5, 'must be 1 to 5'),
  comment: safeText({ max: 5000, multiline: true }).optional().default(''),
});

export interface GuestSession {
  interview: { title: string; competencies: Competency[] };
  candidate: { label: string; name?: string };
  recipientName: string;
  allowRating: boolean;
  answers: {
    answerId: string;
    question: {
      prompt: string;
      competency: string | null;
      guidance: string;
      anchors: Anchors;
    };
    durationMs: number | null;
    videoUrl: string | null;
    posterUrl: string | null;
    /** Extension: the guest's own rating of this answer, so a reload shows it. */
    myRating: { score: number; comment: string } | null;
  }[];
}

export interface GuestRatingItem {
  shareId: string;
  recipientName: string;
  answerId: string;
  score: number;
  comment: string;
  updatedAt: string;
}
