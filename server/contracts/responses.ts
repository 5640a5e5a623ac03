/**
 * Response schemas of API v1, for the OpenAPI document (server/http/openapi). They mirror the
 * TypeScript interfaces of api.ts, review.ts, programmes.ts and data-rights.ts: objects are
 * open (`looseObject`) because the contract lets any object gain fields. No Node imports.
 */
import { z } from 'zod';

const id = z.string();
const time = z.iso.datetime();

/** Issue 21: `{ en?: {...}, fr?: {...} }`, some of the object's texts in that language. */
const translations = (fields: Record<string, z.ZodType>) => {
  const version = z.looseObject(fields).partial();
  return z.looseObject({ en: version.optional(), fr: version.optional() }).optional();
};
const anchorsView = z.record(z.string(), z.string());
const nullableTime = time.nullable();
const role = z.enum(['admin', 'recruiter', 'reviewer']);
const answerStatus = z.enum(['recording', 'processing', 'ready', 'failed']);
const invitationStatus = z.enum(['invited', 'started', 'completed', 'expired']);
const outcome = z.enum(['advance', 'hold', 'decline']);
const person = z.looseObject({ id, name: z.string() });

/** Wraps a list: `{ items: [...] }`, maybe with `nextCursor`. */
export const itemsOf = (item: z.ZodType) =>
  z.looseObject({ items: z.array(item), nextCursor: z.string().optional() });

export const Problem = z
  .looseObject({
    type: z.string(),
    status: z.number().int(),
    title: z.string(),
    detail: z.string(),
    code: z.string().meta({ description: 'A stable snake_case machine code.' }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });

export const UserView = z
  .looseObject({
    id,
    email: z.string(),
    name: z.string(),
    role,
    mustChangePassword: z.boolean().optional(),
    kind: z.literal('api_key').optional(),
  })
  .meta({ id: 'User' });

export const StaffMemberView = UserView.extend({ active: z.boolean() }).meta({ id: 'StaffMember' });

export const LoginResponse = z.looseObject({ token: z.string(), user: UserView });

export const CandidateRefView = z
  .looseObject({ id, label: z.string(), name: z.string().optional(), email: z.string().optional() })
  .meta({ id: 'CandidateRef' });

export const DecisionView = z
  .looseObject({ outcome, note: z.string(), decidedBy: person, decidedAt: time })
  .meta({ id: 'Decision' });

export const CompetencyView = z.looseObject({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  translations: translations({ name: z.string(), description: z.string() }),
});

export const ReviewSettingsView = z.looseObject({
  order: z.enum(['by-candidate', 'by-question']),
  blind: z.boolean(),
  hideVideoUntilRated: z.boolean(),
  ratingsRequired: z.number().int(),
  evidenceRequired: z.boolean(),
});

export const QuestionView = z
  .looseObject({
    id,
    position: z.number().int(),
    prompt: z.string(),
    thinkSeconds: z.number().int(),
    maxSeconds: z.number().int(),
    retakes: z.number().int(),
    competency: z.string().nullable().optional(),
    guidance: z.string().optional(),
    anchors: anchorsView.optional(),
    translations: translations({ prompt: z.string(), anchors: anchorsView }),
  })
  .meta({ id: 'Question' });

export const ProgrammeSettingsView = z.looseObject({
  enabled: z.boolean(),
  slug: z.string(),
  locations: z.array(z.looseObject({ key: z.string(), name: z.string(), deadline: time })),
  eligibility: z.array(
    z.looseObject({
      key: z.string(),
      prompt: z.string(),
      requiredAnswer: z.boolean(),
      translations: translations({ prompt: z.string() }),
    }),
  ),
  consentText: z.string(),
});

export const InterviewView = z
  .looseObject({
    id,
    title: z.string(),
    intro: z.string(),
    translations: translations({ title: z.string(), intro: z.string() }),
    deadline: nullableTime,
    createdAt: time,
    questions: z.array(QuestionView),
    competencies: z.array(CompetencyView),
    review: ReviewSettingsView,
    public: ProgrammeSettingsView.nullable().optional(),
    retentionDays: z.number().int().optional(),
    allowAudioOnly: z.boolean().optional(),
  })
  .meta({ id: 'Interview' });

export const InvitationView = z
  .looseObject({
    id,
    candidate: z.looseObject({ id, name: z.string(), email: z.string(), label: z.string() }),
    status: invitationStatus,
    url: z.string().optional().meta({ description: 'Only in the answer to the create call.' }),
    expiresAt: time,
    completedAt: nullableTime,
    decision: DecisionView.nullable(),
    source: z.enum(['invited', 'applied']).optional(),
    duplicateOf: z.string().nullable().optional(),
    location: z.looseObject({ key: z.string(), name: z.string() }).nullable().optional(),
    language: z.enum(['en', 'fr']).optional(),
    accommodations: z.looseObject({ extraTime: z.boolean() }).optional(),
  })
  .meta({ id: 'Invitation' });

export const AnswerView = z
  .looseObject({
    id,
    questionId: id,
    attempt: z.number().int(),
    mimeType: z.string(),
    status: answerStatus,
    receivedChunks: z.array(z.number().int()),
    maxChunkBytes: z.number().int(),
    durationMs: z.number().int().nullable(),
    error: z.string().nullable(),
    lastChunkAt: nullableTime.optional(),
    tombstone: z.boolean().optional(),
  })
  .meta({ id: 'Answer' });

export const CandidateSessionView = z
  .looseObject({
    candidate: z.looseObject({ name: z.string() }),
    interview: z.looseObject({
      title: z.string(),
      intro: z.string(),
      deadline: nullableTime,
      questions: z.array(QuestionView),
    }),
    answers: z.array(AnswerView),
  })
  .meta({ id: 'CandidateSession' });

export const ChunkStored = z.looseObject({ index: z.number().int(), size: z.number().int() });

export const QueueItemView = z.looseObject({
  invitationId: id,
  interviewId: id,
  candidate: CandidateRefView,
  completedAt: nullableTime,
  answers: z.array(
    z.looseObject({
      id,
      questionId: id,
      status: answerStatus,
      durationMs: z.number().int().nullable(),
      posterUrl: z.string().nullable(),
    }),
  ),
  myRated: z.boolean(),
  ratingCount: z.number().int(),
});

export const AnswerForReviewView = z
  .looseObject({
    id,
    invitationId: id,
    questionId: id,
    status: answerStatus,
    durationMs: z.number().int().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    videoUrl: z.string().nullable(),
    audioUrl: z.string().nullable(),
    posterUrl: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'AnswerForReview' });

export const RatingView = z
  .looseObject({
    id,
    answerId: id,
    reviewer: person,
    score: z.number().int().min(1).max(5),
    comment: z.string(),
    updatedAt: time,
    firstScore: z.number().int().nullable(),
    revisedAfterReveal: z.boolean(),
  })
  .meta({ id: 'Rating' });

export const ByQuestionItemView = z.looseObject({
  answerId: id,
  invitationId: id,
  candidate: CandidateRefView,
  status: z.enum(['processing', 'ready', 'failed']),
  durationMs: z.number().int().nullable(),
  posterUrl: z.string().nullable(),
  myScore: z.number().int().nullable(),
});

const scoreSummary = z.looseObject({ mean: z.number().nullable(), n: z.number().int() });

export const ResultItemView = z.looseObject({
  invitationId: id,
  candidate: z.looseObject({ id, name: z.string(), email: z.string(), label: z.string() }),
  location: z.looseObject({ key: z.string(), name: z.string() }).nullable(),
  competencies: z.array(scoreSummary.extend({ key: z.string() })),
  overall: scoreSummary,
  ratingsComplete: z.boolean(),
  decision: DecisionView.nullable(),
});

/** One invitation's outcome in a bulk answer (issue 21): 200, or its problem's status and code. */
export const BulkItemView = z.looseObject({
  invitationId: z.string(),
  status: z.number().int(),
  code: z.string().optional(),
  detail: z.string().optional(),
});

const alpha = z.looseObject({
  alpha: z.number().nullable(),
  units: z.number().int(),
  ratings: z.number().int(),
});
export const ReliabilityView = z.looseObject({
  overall: alpha,
  questions: z.array(alpha.extend({ questionId: id })),
  reviewers: z.array(
    z.looseObject({ reviewer: person, ratings: z.number().int(), meanDeviation: z.number() }),
  ),
});

export const FeedbackView = z
  .looseObject({
    summary: z.string(),
    competencies: z.array(
      z.looseObject({
        key: z.string(),
        name: z.string(),
        text: z.string(),
        generatedText: z.string().optional().meta({
          description:
            'Extension, staff only: the text generated from the rubric and the ratings (the draft starts with it).',
        }),
      }),
    ),
    releasedAt: nullableTime,
    language: z
      .enum(['en', 'fr'])
      .optional()
      .meta({ description: 'Extension, staff only: the language the candidate reads it in.' }),
  })
  .meta({ id: 'Feedback' });

export const PublicProgrammeView = z.looseObject({
  title: z.string(),
  intro: z.string(),
  locations: z.array(
    z.looseObject({ key: z.string(), name: z.string(), deadline: time, open: z.boolean() }),
  ),
  eligibility: z.array(z.looseObject({ key: z.string(), prompt: z.string() })),
  consentText: z.string(),
  consentTextIsBuiltIn: z.boolean().optional().meta({
    description: 'Extension: the built-in notice, which pages show in their reader’s language.',
  }),
});

export const ApplicationResultView = z.union([
  z.looseObject({ status: z.literal('sent') }),
  z.looseObject({ status: z.literal('created'), url: z.string() }),
]);

export const AuditEntryView = z.looseObject({
  id,
  at: time,
  actor: z.looseObject({
    type: z.enum(['staff', 'candidate', 'system', 'api_key', 'guest']),
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
  action: z.string(),
  target: z.looseObject({ type: z.string(), id: z.string().nullable() }),
  candidate: z.object({ name: z.string().nullable(), erased: z.boolean() }).optional(),
  interview: z.object({ id, title: z.string() }).optional(),
  targetUser: z.object({ id, name: z.string(), email: z.string() }).optional(),
});

export const HealthView = z.looseObject({ status: z.literal('ok') });
/** For answers whose shape this document does not pin down (yet): any JSON object. */
export const AnyObject = z.looseObject({});
