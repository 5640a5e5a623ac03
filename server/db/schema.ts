/**
 * Table shapes as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
 * Times are ISO 8601 UTC strings with milliseconds, so they sort as text on SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';
import type { AuditActorType } from '../contracts/data-rights.js';

export type Role = 'admin' | 'recruiter' | 'reviewer';
export type InvitationStatus = 'invited' | 'started' | 'completed';
export type AnswerStatus = 'recording' | 'processing' | 'ready' | 'failed';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';
/** Columns added after the first release are optional: rows written without them get defaults. */
export type Outcome = 'advance' | 'hold' | 'decline';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  /** Issue 8: tokens signed with an older version no longer work. */
  tokenVersion: Generated<number>;
  deactivatedAt: string | null;
  /** 0 or 1 (portable): set by an admin reset, cleared when the user picks a new password. */
  mustChangePassword: Generated<number>;
}

/** Issue 8: signed-out staff tokens, by their `jti`, kept until they expire. */
export interface RevokedTokensTable {
  jti: string;
  userId: string;
  expiresAt: string;
}

export interface InterviewsTable {
  id: string;
  title: string;
  intro: string;
  deadline: string | null;
  createdBy: string;
  createdAt: string;
  /** Days after the deadline (or each invitation's expiry) before candidates are erased. */
  retentionDays: Generated<number>;
  /** Null: the built-in privacy notice. */
  privacyText: string | null;
  /** JSON: [{ key, name, description }]. */
  competencies?: string;
  /** JSON: the review settings given; defaults fill the rest when read. */
  reviewSettings?: string;
  /** 1 or 0 (portable): candidates may answer with sound only (no camera, a very slow link). */
  allowAudioOnly: Generated<number>;
  /** Issue 21 (migration 016), JSON: { en?: { title?, intro? }, fr?: {…} }. */
  translations: Generated<string>;
}

export interface QuestionsTable {
  id: string;
  interviewId: string;
  position: number;
  prompt: string;
  thinkSeconds: number;
  maxSeconds: number;
  retakes: number;
  competency?: string | null;
  guidance?: string;
  /** JSON: { "1"?: text, …, "5"?: text }. */
  anchors?: string;
  /** Issue 21 (migration 016), JSON: { en?: { prompt?, anchors? }, fr?: {…} }. */
  translations?: string;
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
  /** Set while an erasure runs: the invitation is treated as gone from then on. */
  erasingAt: string | null;
  /** Migration 011: the staff member handed the current link (email off); null when emailed. */
  linkIssuedBy?: string | null;
  consentAt: string | null;
  /** Key into privacy_texts: the exact text the candidate agreed to. */
  consentVersion: string | null;
  /** The number of the candidate's pseudonym ("Candidate 7"), given on first need. */
  labelNumber?: number | null;
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
  /** Issue 22 (migration 013): 1 for a calibration invitation, counted nowhere else. */
  reference: Generated<number>;
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
  audioKey?: string | null;
  createdAt: string;
  completedAt: string | null;
  updatedAt: string;
  /** The effective length limit the take's budgets come from (answerBudget); null: older take. */
  budgetMaxSeconds: number | null;
  /** Bytes its chunks hold in storage (bigint on PostgreSQL: compare in SQL, read with Number). */
  storedBytes: number;
  /** Why a failed take failed: decides whether it costs an attempt. */
  failureCause: FailureCause | null;
}

/**
 * `server`: ours, free; `media`: not media; `replaced`: a newer take closed it before any chunk
 * arrived; `abandoned`: the candidate gave it up before any chunk arrived (free); `expired`:
 * never submitted; `discarded`: an interrupted take the candidate set aside to keep an earlier,
 * complete one (it counts). `replaced` and `abandoned` takes are tombstones
 * (domain/takes/tombstones.ts).
 */
export type FailureCause = 'server' | 'media' | 'replaced' | 'abandoned' | 'expired' | 'discarded';

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
  /** When colleagues' ratings of this answer first became visible to this rater. */
  revealedAt?: string | null;
  /** The score at that moment (null: not revealed yet, the current score stands). */
  firstScore?: number | null;
  revisedAfterReveal?: number;
  /** 0 when the rater could already see colleagues' scores before giving their first. */
  firstBlind?: number;
}

export interface DecisionsTable {
  invitationId: string;
  outcome: Outcome;
  note: string;
  decidedBy: string;
  decidedAt: string;
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
  /** Whose job it is (an invitation): one owner cannot hold every slot. */
  fairGroup: string | null;
  /** Relative work (seconds of media): among due jobs the cheaper runs first. */
  cost: number;
}

/** Append-only (the database refuses UPDATE and DELETE); names are joined at read time. */
export interface AuditLogTable {
  id: string;
  at: string;
  /** An Actor's type (domain/actor.ts). */
  actorType: AuditActorType;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** The invitation the entry concerns, for "by candidate" reads; null for staff-only facts. */
  invitationId: string | null;
  /** Migration 011: JSON of what else the entry says (`changes`, `via`); null for most. */
  details?: string | null;
}

/** Migration 011: who besides admins may see an interview, and as what. */
export interface InterviewMembersTable {
  interviewId: string;
  userId: string;
  role: 'recruiter' | 'reviewer';
  createdAt: string;
}

/** Migration 011: a hiring manager's link to one completed candidate. */
export interface SharesTable {
  id: string;
  invitationId: string;
  /** SHA-256 of the share token; the token itself is never stored. */
  tokenHash: string;
  recipientName: string;
  expiresAt: string;
  /** 1 or 0 (portable). */
  showName: number;
  allowRating: number;
  createdBy: string;
  createdAt: string;
  opens: Generated<number>;
  lastOpenedAt: string | null;
  revokedAt: string | null;
}

/** Migration 011: a guest's score of an answer; never part of staff results or agreement. */
export interface GuestRatingsTable {
  id: string;
  shareId: string;
  answerId: string;
  invitationId: string;
  score: number;
  comment: string;
  updatedAt: string;
}

export interface PrivacyTextsTable {
  version: string;
  text: string;
  createdAt: string;
}

export interface ErasedLinksTable {
  tokenHash: string;
  erasedAt: string;
}

// Lasting candidate links (migration 007): links emailed besides the main one.
export interface InvitationLinksTable {
  tokenHash: string;
  invitationId: string;
  createdAt: string;
  /** Issue 21 (migration 015): `aftercare` opens feedback, export and erasure only. */
  scope: Generated<'full' | 'aftercare'>;
  /** The staff member handed this link (email off), for `via` in the audit; else null. */
  issuedBy: Generated<string | null>;
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

// Issue 22 and issue 19 item 4 (migration 013).
/** The last time a staff member read every rating of an interview (results, reliability, CSV). */
export interface StaffSightingsTable {
  userId: string;
  interviewId: string;
  seenAt: string;
}

export interface FairnessSettingsTable {
  id: string;
  /** JSON: { enabled, questions }. */
  settings: string;
  updatedAt: string;
}

/** A candidate's voluntary self-identification: only the fairness report, export and erasure. */
export interface SelfIdentificationsTable {
  invitationId: string;
  /** JSON: { [questionKey]: optionKey | "declined" }. */
  answers: string;
  updatedAt: string;
}

export interface ExpertScoresTable {
  answerId: string;
  score: number;
  rationale: string;
  setBy: string;
  setAt: string;
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
  revokedTokens: RevokedTokensTable;
  auditLog: AuditLogTable;
  interviewMembers: InterviewMembersTable;
  shares: SharesTable;
  guestRatings: GuestRatingsTable;
  privacyTexts: PrivacyTextsTable;
  erasedLinks: ErasedLinksTable;
  invitationLinks: InvitationLinksTable;
  decisions: DecisionsTable;
  programmes: ProgrammesTable;
  emailOutbox: EmailOutboxTable;
  feedback: FeedbackTable;
  apiKeys: ApiKeysTable;
  webhookEndpoints: WebhookEndpointsTable;
  webhookMessages: WebhookMessagesTable;
  webhookAttempts: WebhookAttemptsTable;
  staffSightings: StaffSightingsTable;
  fairnessSettings: FairnessSettingsTable;
  selfIdentifications: SelfIdentificationsTable;
  expertScores: ExpertScoresTable;
}

/** Issue 23: a machine's key; only its SHA-256 digest is kept. Its id is also a users row's. */
export interface ApiKeysTable {
  id: string;
  name: string;
  role: 'recruiter' | 'reviewer';
  keyDigest: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  /** JSON array of event names. */
  events: string;
  enabled: number;
  secret: string;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export type WebhookMessageStatus = 'pending' | 'sending' | 'delivered' | 'failed';

export interface WebhookMessagesTable {
  id: string;
  endpointId: string;
  event: string;
  body: string;
  status: WebhookMessageStatus;
  attempts: number;
  nextAttemptAt: string;
  claimedAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookAttemptsTable {
  id: string;
  messageId: string;
  endpointId: string;
  attempt: number;
  status: 'delivered' | 'failed';
  responseStatus: number | null;
  error: string | null;
  at: string;
}
