/**
 * Shapes of the "Programmes", "Email", "Candidate feedback" and "Accommodations" parts of API
 * v1 (../shared/API.md) as the browser reads them. Types only: nothing here reaches a bundle.
 */

export interface ProgrammeLocation {
  key: string;
  name: string;
  deadline: string;
}

export interface EligibilityQuestion {
  key: string;
  prompt: string;
  requiredAnswer: boolean;
}

/** `public` on an Interview, as POST/PATCH /interviews accept it. */
export interface ProgrammeSettings {
  enabled: boolean;
  slug: string;
  locations: ProgrammeLocation[];
  eligibility: EligibilityQuestion[];
  /** Extension: the privacy text shown with the consent box (the server has a default). */
  consentText?: string;
}

/** GET /public/programmes/:slug: what anyone may read (never `requiredAnswer`). */
export interface PublicProgramme {
  title: string;
  intro: string;
  locations: (ProgrammeLocation & { open: boolean })[];
  eligibility: { key: string; prompt: string }[];
  consentText: string;
}

export interface ApplicationRequest {
  name: string;
  email: string;
  locationKey: string;
  eligibility: Record<string, boolean>;
  consent: true;
  language: 'en' | 'fr';
  /** The honeypot: people never see it, so it stays empty; simple bots fill it in. */
  website: string;
}

export type ApplicationOutcome = { status: 'sent' } | { status: 'created'; url: string };

export type EmailStatus = 'queued' | 'sent' | 'failed';

/** What an Invitation gains for organisers (fields are absent on an older server). */
export interface InvitationProgrammeFields {
  source?: 'invited' | 'applied';
  duplicateOf?: string | null;
  location?: { key: string; name: string } | null;
  language?: 'en' | 'fr';
  accommodations?: { extraTime: boolean } | null;
  /** The latest message to this candidate; `error` is the SMTP server's reply on failure. */
  email?: { status: EmailStatus; error?: string | null; updatedAt?: string | null } | null;
}

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
