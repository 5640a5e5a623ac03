/**
 * Table shapes as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
 * Times are ISO 8601 UTC strings with milliseconds, so they sort as text on SQLite and PostgreSQL.
 */
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
}

export interface InterviewsTable {
  id: string;
  title: string;
  intro: string;
  deadline: string | null;
  createdBy: string;
  createdAt: string;
  /** JSON: [{ key, name, description }]. */
  competencies?: string;
  /** JSON: the review settings given; defaults fill the rest when read. */
  reviewSettings?: string;
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
  /** The number of the candidate's pseudonym ("Candidate 7"), given on first need. */
  labelNumber?: number | null;
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
  decisions: DecisionsTable;
}
