/**
 * Contracts of issue 11: public programmes (apply links), email status, candidate feedback and
 * accommodations (../shared/API.md "Programmes", "Email", "Candidate feedback",
 * "Accommodations"). No Node imports: bundled for browsers too.
 */
import { z } from 'zod';
import { safeText } from './safe-text.js';
import { type Translations, translationsInput } from './translations.js';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text people read: the same rules as every staff field (no controls, breaks, bidi overrides). */
const text = (max: number) => safeText({ max, min: 1 });
const key = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'must be 1–40 lowercase letters, digits or dashes');
const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

function uniqueKeys(items: { key: string }[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key))
      ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'is used twice' });
    seen.add(item.key);
  });
}

/** `public` on POST/PATCH /interviews: the programme's apply link. */
export const ProgrammeSettingsInput = z.object({
  enabled: z.boolean({ message: 'must be true or false' }),
  slug: z.string().regex(/^[a-z0-9-]{3,60}$/, 'must be 3–60 lowercase letters, digits or dashes'),
  locations: z
    .array(z.object({ key, name: text(200), deadline: isoDateTime }))
    .max(100, 'allows at most 100 locations')
    .superRefine(uniqueKeys),
  eligibility: z
    .array(
      z.object({
        key,
        prompt: text(500),
        requiredAnswer: z.boolean({ message: 'must be true or false' }),
        /** Issue 21: the prompt in English and/or French. */
        translations: translationsInput({ prompt: safeText({ max: 500 }) }).optional(),
      }),
    )
    .max(20, 'allows at most 20 questions')
    .superRefine(uniqueKeys)
    .default([]),
  /** Extension: the privacy text shown with the consent box; a default one when left out. */
  consentText: z.string().trim().max(5000).optional(),
});
export type ProgrammeSettingsInput = z.output<typeof ProgrammeSettingsInput>;

/** Where a programme recruits, and until when (an ISO 8601 date-time in UTC). */
export interface ProgrammeLocation {
  key: string;
  name: string;
  deadline: string;
}

/** A yes/no question an applicant answers; `requiredAnswer` is the one that makes them eligible. */
export interface EligibilityQuestion {
  key: string;
  prompt: string;
  requiredAnswer: boolean;
  /** Issue 21: present when a translation was written. */
  translations?: Translations<{ prompt: string }>;
}

/** The settings as echoed on an Interview (deadlines normalised to UTC). */
export interface ProgrammeSettings {
  enabled: boolean;
  slug: string;
  locations: ProgrammeLocation[];
  eligibility: EligibilityQuestion[];
  consentText: string;
}

/** GET /public/programmes/:slug: what anyone may see (never `requiredAnswer`). */
export interface PublicProgramme {
  title: string;
  intro: string;
  locations: (ProgrammeLocation & { open: boolean })[];
  eligibility: { key: string; prompt: string }[];
  consentText: string;
  /**
   * Extension (issue 21): true when `consentText` is the built-in notice, which the page shows
   * in its reader's language; an organiser's own words are shown as written.
   */
  consentTextIsBuiltIn?: boolean;
}

export const ApplicationRequest = z.object({
  name: text(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'is not an email address' }).max(254)),
  locationKey: z.string().max(40),
  // Only the programme's own keys (checked against it in apply); never more than it can have.
  eligibility: z
    .record(z.string().max(40), z.boolean({ message: 'must be true or false' }))
    .refine((answers) => Object.keys(answers).length <= 20, 'has more answers than questions'),
  consent: z.literal(true, { message: 'must be true' }),
  language: z.enum(LANGUAGES).optional(),
  /**
   * Extension: the honeypot. The form hides this field from people (and assistive technology);
   * a bot that fills it in is answered as if it succeeded, and nothing is stored or sent.
   */
  website: z.string().max(2000).optional(),
});
export type ApplicationRequest = z.output<typeof ApplicationRequest>;

export type ApplicationResult = { status: 'sent' } | { status: 'created'; url: string };

export type EmailStatus = 'queued' | 'sent' | 'failed';

/** Fields an Invitation gains (organisers only). */
export interface InvitationProgrammeFields {
  source: 'invited' | 'applied';
  duplicateOf: string | null;
  location: { key: string; name: string } | null;
  language: Language;
  accommodations: { extraTime: boolean };
  /**
   * Extension: the latest email to this candidate (null when none was sent): `error` is the
   * SMTP server's reply when sending failed for good.
   */
  email: {
    kind: EmailKind;
    status: EmailStatus;
    error: string | null;
    updatedAt: string;
  } | null;
}

export type EmailKind =
  | 'invitation'
  | 'application'
  | 'reminder'
  | 'receipt'
  | 'feedback'
  /** Issue 21: a new link for a finished or expired candidate (feedback, data, erasure). */
  | 'aftercare';

/** Extension to POST /interviews/:id/invitations: per-candidate language, email, duplicates. */
export const InvitationProgrammeOptions = {
  candidateLanguage: z.enum(LANGUAGES).optional(),
  /** Issue 21: the city of a multi-city programme (a key of the interview's public.locations). */
  locationKey: z.string().trim().min(1, 'is required').max(40).optional(),
  sendEmail: z.boolean().optional(),
  /** Invite an email already invited to this interview anyway (otherwise it is skipped). */
  allowDuplicates: z.boolean().optional().default(false),
};

/** Extension: how POST /interviews/:id/invitations reports candidates it skipped. */
export interface SkippedDuplicate {
  email: string;
  /** The invitation this email already has (null: repeated in the same request). */
  invitationId: string | null;
}

export const FeedbackRequest = z.object({
  summary: z.string().trim().max(10_000, 'is longer than 10000 characters').optional(),
  competencies: z
    .array(z.object({ key, text: z.string().trim().max(5000, 'is longer than 5000 characters') }))
    .max(12)
    .superRefine(uniqueKeys)
    .default([]),
});
export type FeedbackRequest = z.output<typeof FeedbackRequest>;

/** What the feedback says about one of the interview's competencies. */
export interface FeedbackCompetency {
  key: string;
  name: string;
  text: string;
}

export interface Feedback {
  summary: string;
  competencies: FeedbackCompetency[];
  releasedAt: string | null;
}

/**
 * Extension (issue 21): the feedback as staff get it. The draft goes out unchanged unless
 * edited, so staff see what the candidate will read: in which language, and which texts are
 * still the generated draft. Never sent to the candidate.
 */
export interface StaffFeedback extends Feedback {
  /** The invitation's language: the announcement email and the feedback page are in it. */
  language: 'en' | 'fr';
  competencies: (FeedbackCompetency & {
    /** The text generated from the rubric and the ratings today (what the draft starts with). */
    generatedText: string;
  })[];
}

export const AccommodationsRequest = z.object({
  extraTime: z.literal(true, { message: 'must be true' }),
});
