/**
 * Table shapes as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
 * Times are ISO 8601 UTC strings with milliseconds, so they sort as text on SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';

export type Role = 'admin' | 'recruiter' | 'reviewer';
export type InvitationStatus = 'invited' | 'started' | 'completed';
export type AnswerStatus = 'recording' | 'processing' | 'ready' | 'failed';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
}

export interface InterviewsTable {
  id: string;
  title: string;
  intro: string;
  deadline: string | null;
  createdBy: string;
  createdAt: string;
}

export interface QuestionsTable {
  id: string;
  interviewId: string;
  position: number;
  prompt: string;
  thinkSeconds: number;
  maxSeconds: number;
  retakes: number;
}

export interface CandidatesTable {
  id: string;
  name: string;
  email: string;
  createdAt: string;
}

export interface InvitationsTable {
  id: string;
  interviewId: string;
  candidateId: string;
  /** SHA-256 of the candidate token; the token itself is never stored. */
  tokenHash: string;
  status: InvitationStatus;
  expiresAt: string;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  // Issue 11 (migration 004): where the candidate came from, language, extra time.
  source: Generated<'invited' | 'applied'>;
  duplicateOf: string | null;
  locationKey: string | null;
  language: Generated<'en' | 'fr'>;
  /** 1 when the candidate asked for extra time. */
  extraTime: Generated<number>;
  /** JSON { eligibility, consentAt } of an application. */
  application: string | null;
  applicationKey: string | null;
}

export interface AnswersTable {
  id: string;
  invitationId: string;
  questionId: string;
  attempt: number;
  mimeType: string;
  status: AnswerStatus;
  maxChunkBytes: number;
  chunkCount: number | null;
  clientDurationMs: number | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  error: string | null;
  videoKey: string | null;
  posterKey: string | null;
  createdAt: string;
  completedAt: string | null;
  updatedAt: string;
}

export interface ChunksTable {
  answerId: string;
  idx: number;
  storageKey: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface RatingsTable {
  id: string;
  answerId: string;
  reviewerId: string;
  score: number;
  comment: string;
  createdAt: string;
  updatedAt: string;
}

export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  status: JobStatus;
  attempts: number;
  runAfter: string;
  lockedAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

// Issue 11 (migration 004).
export interface ProgrammesTable {
  interviewId: string;
  enabled: number;
  slug: string;
  locations: string;
  eligibility: string;
  consentText: string | null;
}

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface EmailOutboxTable {
  id: string;
  invitationId: string | null;
  kind: string;
  dedupeKey: string | null;
  toAddress: string;
  subject: string;
  textBody: string | null;
  htmlBody: string | null;
  status: OutboxStatus;
  attempts: number;
  claimedAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackTable {
  invitationId: string;
  summary: string;
  competencies: string;
  releasedAt: string | null;
  updatedAt: string;
}

export interface Database {
  users: UsersTable;
  interviews: InterviewsTable;
  questions: QuestionsTable;
  candidates: CandidatesTable;
  invitations: InvitationsTable;
  answers: AnswersTable;
  chunks: ChunksTable;
  ratings: RatingsTable;
  jobs: JobsTable;
  programmes: ProgrammesTable;
  emailOutbox: EmailOutboxTable;
  feedback: FeedbackTable;
}
