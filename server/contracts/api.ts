/**
 * The API v1 request schemas and response shapes (../shared/API.md), shared by the server and
 * the web components. No Node imports here: this file is bundled for browsers too.
 */
import { z } from 'zod';
import { type InterviewDataRights, InterviewDataRightsInput } from './data-rights.js';
import {
  type InvitationProgrammeFields,
  InvitationProgrammeOptions,
  type ProgrammeSettings,
  ProgrammeSettingsInput,
} from './programmes.js';
import {
  type CandidateRef,
  type Competency,
  type Decision,
  interviewRubricShape,
  type QuestionRubric,
  questionRubricShape,
  type ReviewSettings,
} from './review.js';
import { refuseControls, safeText } from './safe-text.js';
import { type Translations, translationsInput } from './translations.js';

export const ROLES = ['admin', 'recruiter', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

// Control characters and bidi overrides are refused, invisible ones removed (safe-text.ts).
const text = (max: number) => safeText({ min: 1, max });
const email = refuseControls(z.string().trim().toLowerCase()).pipe(
  z.email({ message: 'is not an email address' }).max(254),
);
const int = (min: number, max: number) =>
  z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const LoginRequest = z.object({
  email: refuseControls(z.string().trim().toLowerCase().max(254)),
  password: z.string().max(1024),
});

export const CreateUserRequest = z.object({
  email,
  name: text(200),
  password: z.string().min(10, 'must be at least 10 characters').max(1024),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
});

/** Extension (issue 8): `POST /me/password`. The new password's strength is checked on the server. */
export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'is required').max(1024),
  newPassword: z.string().min(10, 'must be at least 10 characters').max(1024),
});

export const QuestionInput = z.object({
  prompt: text(2000),
  thinkSeconds: int(0, 600),
  maxSeconds: int(10, 900),
  retakes: int(0, 10),
  ...questionRubricShape,
});

/**
 * Extension (issue 9): whether a candidate may answer with sound only, when their device has no
 * camera or their connection is too slow for video. True unless the interview says otherwise.
 */
export const AllowAudioOnly = z.boolean({ message: 'must be true or false' });

export const CreateInterviewRequest = z.object({
  title: text(200),
  intro: safeText({ max: 10_000, multiline: true }).optional().default(''),
  /** Issue 21: the title and introduction in English and/or French (API.md "Translations"). */
  translations: translationsInput({
    title: safeText({ max: 200 }),
    intro: safeText({ max: 10_000, multiline: true }),
  }).optional(),
  deadline: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
    .nullable()
    .optional(),
  questions: z
    .array(QuestionInput)
    .min(1, 'needs at least one question')
    .max(20, 'allows at most 20 questions'),
  ...interviewRubricShape,
  public: ProgrammeSettingsInput.optional(),
  allowAudioOnly: AllowAudioOnly.optional().default(true),
  ...InterviewDataRightsInput.shape,
});

export const CreateInvitationsRequest = z.object({
  candidates: z
    .array(
      z.object({
        name: text(200),
        email,
        language: InvitationProgrammeOptions.candidateLanguage,
        locationKey: InvitationProgrammeOptions.locationKey,
      }),
    )
    .min(1, 'needs at least one candidate')
    .max(500, 'allows at most 500 candidates per call'),
  sendEmail: InvitationProgrammeOptions.sendEmail,
  allowDuplicates: InvitationProgrammeOptions.allowDuplicates,
});

export const StartAnswerRequest = z.object({
  questionId: text(100),
  mimeType: refuseControls(z.string().trim().min(1, 'is required').max(200)),
});

export const CompleteAnswerRequest = z.object({
  chunkCount: int(1, 100_000),
  durationMs: int(0, 24 * 3600 * 1000).optional(),
});

export const RateAnswerRequest = z.object({
  score: int(1, 5),
  comment: safeText({ max: 5000, multiline: true }).optional().default(''),
});

export type InvitationStatus = 'invited' | 'started' | 'completed' | 'expired';
export type AnswerStatus = 'recording' | 'processing' | 'ready' | 'failed';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Extension (issue 8): true (else absent) after an admin reset, until a new password is set. */
  mustChangePassword?: boolean;
  /** Extension (issue 23): present when the caller is an API key acting as staff of this role. */
  kind?: 'api_key';
}

/** Extension (issue 8): a user as `GET /users` lists them, with whether they may sign in. */
export interface StaffMember extends User {
  active: boolean;
}

export interface Question {
  id: string;
  position: number;
  prompt: string;
  thinkSeconds: number;
  maxSeconds: number;
  retakes: number;
}

/** A question as staff see it: with its rubric (candidates never see the rubric). */
export interface InterviewQuestion extends Question, QuestionRubric {}

export interface Interview {
  id: string;
  title: string;
  intro: string;
  /** Issue 21: present when a translation of the title or introduction was written. */
  translations?: Translations<{ title: string; intro: string }>;
  deadline: string | null;
  createdAt: string;
  questions: InterviewQuestion[];
  competencies: Competency[];
  review: ReviewSettings;
  /** The public apply link's settings (issue 11); null when the interview has none. */
  public?: ProgrammeSettings | null;
  /** Extension (issue 9): false when every answer must be video. */
  allowAudioOnly: boolean;
  /** Data rights: days kept after the deadline, and the privacy notice (null: the built-in one). */
  retentionDays: InterviewDataRights['retentionDays'];
  privacyText: InterviewDataRights['privacyText'];
}

export interface Invitation extends Partial<InvitationProgrammeFields> {
  id: string;
  candidate: { id: string; name: string; email: string; label: string };
  decision: Decision | null;
  status: InvitationStatus;
  /** Present only in the answer to the create call: the token is never stored. */
  url?: string;
  expiresAt: string;
  completedAt: string | null;
}

export interface Answer {
  id: string;
  questionId: string;
  attempt: number;
  mimeType: string;
  status: AnswerStatus;
  receivedChunks: number[];
  maxChunkBytes: number;
  durationMs: number | null;
  error: string | null;
  /**
   * Extension: when the server last stored a chunk of this take (null before the first), so a
   * device can tell a take abandoned long ago from one still uploading elsewhere.
   */
  lastChunkAt: string | null;
  /**
   * Extension: the take was closed while the server held none of it (abandoned, or replaced by
   * a newer take); its status is `failed`. A device that holds its recording may still upload
   * its chunks and `complete` it, which submits it like any take.
   */
  tombstone: boolean;
  /**
   * Extension (issue 21): the candidate set this take aside to keep an earlier, complete answer
   * (`POST /candidate/answers/:id/discard`); its status is `failed` and it is never reviewed.
   */
  discarded: boolean;
  /**
   * Extension, in the candidate session only: whether this take uses one of the question's
   * `1 + retakes` attempts (failed takes are charged by cause: docs/bounded-media.md).
   */
  countsAsAttempt?: boolean;
  /**
   * Extension, for the candidate only (session, `GET /candidate/answers/:id`, the `201` of
   * `POST /candidate/answers`): the thinking time left, in ms, for a take still `recording`
   * that holds no chunk: the question's thinking time (extra time counts) less the time since
   * the take was created, on the server's clock, at least 0. Null for any other take. A page
   * reloaded while thinking resumes the take with this much, not with the whole.
   */
  thinkRemainingMs?: number | null;
}

/** Extension: the answer to `POST /candidate/upload-test` (the recorder's speed check). */
export interface UploadTestResult {
  receivedBytes: number;
}

export interface CandidateSession {
  candidate: { name: string };
  interview: {
    title: string;
    intro: string;
    deadline: string | null;
    questions: Question[];
    /** Extension: reviewers see a pseudonym, not the candidate's name. */
    blindReview?: boolean;
    /** Extension (issue 9): false when this interview needs a camera (no sound-only answers). */
    allowAudioOnly?: boolean;
  };
  answers: Answer[];
  /**
   * Extension (issue 21): false when this installation has no mail server, so the page promises
   * no email (no receipt, no "your feedback is ready").
   */
  emailEnabled?: boolean;
  /** Extension: where the candidate stands. */
  invitation: {
    id: string;
    status: InvitationStatus;
    expiresAt: string;
    completedAt: string | null;
    /** Extension: what the candidate asked for (extra time), so a reload knows. */
    accommodations?: { extraTime: boolean };
    /** Extension (issue 21): the invitation's language, which the pages use unless ?lang= says otherwise. */
    language?: 'en' | 'fr';
    /**
     * Extension (issue 21): true once feedback was released, so the page asks for
     * `GET /candidate/feedback` only when it will answer 200.
     */
    feedbackReleased?: boolean;
  };
}

export interface QueueItem {
  invitationId: string;
  interviewId: string;
  /** Name and email only when the interview is not blind. */
  candidate: CandidateRef;
  completedAt: string | null;
  answers: {
    id: string;
    questionId: string;
    status: AnswerStatus;
    durationMs: number | null;
    posterUrl: string | null;
  }[];
  myRated: boolean;
  ratingCount: number;
}

export interface AnswerForReview {
  id: string;
  invitationId: string;
  questionId: string;
  status: AnswerStatus;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  videoUrl: string | null;
  /** An AAC audio/mp4 rendition, signed like videoUrl; every ready answer has one. */
  audioUrl: string | null;
  posterUrl: string | null;
  error: string | null;
  /** Extension: whose answer, as review endpoints show a candidate. */
  candidate: CandidateRef;
}

export interface Rating {
  id: string;
  answerId: string;
  reviewer: { id: string; name: string };
  score: number;
  comment: string;
  updatedAt: string;
  /**
   * The score as it stood when colleagues' ratings first became visible to this reviewer;
   * null when the rating was never independent.
   */
  firstScore: number | null;
  revisedAfterReveal: boolean;
  /** Saved before its rater could see any colleague's score of that answer by any route. */
  independent: boolean;
}

export interface StaffEventMap {
  'answer-status': { answerId: string; invitationId: string; status: AnswerStatus };
  'invitation-status': { invitationId: string; status: InvitationStatus };
  /** Extension: how far processing has got, in steps of 10 %. */
  'answer-progress': { answerId: string; invitationId: string; percent: number };
}
