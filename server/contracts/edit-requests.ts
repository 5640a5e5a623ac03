/**
 * Request bodies of the workspace endpoints (users, interview edits). They reuse the field rules
 * of the API v1 create requests so an edit accepts exactly what a create accepts.
 */
import { z } from 'zod';
import { AllowAudioOnly, CreateInterviewRequest, CreateUserRequest, QuestionInput } from './api.js';
import { InterviewDataRightsInput } from './data-rights.js';
import { interviewRubricShape } from './review.js';

/** A PATCH must say what to change: an empty body is a client mistake, not a no-op. */
function requireSomeField(value: Record<string, unknown>, ctx: z.RefinementCtx, names: string[]) {
  if (names.some((name) => value[name] !== undefined)) return;
  ctx.addIssue({
    code: 'custom',
    path: [],
    message: `must set at least one of ${names.join(', ')}`,
  });
}

export const UpdateUserRequest = z
  .strictObject({
    name: CreateUserRequest.shape.name.optional(),
    role: CreateUserRequest.shape.role.optional(),
    /** Issue 8: false deactivates (sign-in refused, tokens and sockets end), true reactivates. */
    active: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .superRefine((value, ctx) => requireSomeField(value, ctx, ['name', 'role', 'active']));

export type UserChanges = z.output<typeof UpdateUserRequest>;

/** A question in an edit: with the id of an existing question to keep it, without for a new one. */
export const QuestionEdit = QuestionInput.extend({
  id: z.string().trim().min(1, 'is required').max(100).optional(),
});

const { title, intro, translations, deadline, public: programme } = CreateInterviewRequest.shape;

export const UpdateInterviewRequest = z
  .strictObject({
    title: title.optional(),
    // The create request defaults a missing intro to ""; an edit must leave it alone instead.
    intro: intro.unwrap().optional(),
    /** Issue 21: replaced as a whole (`{}` removes every translation of the title and intro). */
    translations,
    deadline,
    /** The whole list in its new order: positions follow it, missing questions are removed. */
    questions: z
      .array(QuestionEdit)
      .min(1, 'needs at least one question')
      .max(20, 'allows at most 20 questions')
      .optional(),
    ...interviewRubricShape,
    /** Issue 11: the public apply link's settings, replaced as a whole. */
    public: programme,
    ...InterviewDataRightsInput.shape,
    // As for intro: the create request's default (true) must not overwrite a stored false.
    allowAudioOnly: AllowAudioOnly.optional(),
  })
  .superRefine((value, ctx) =>
    requireSomeField(value, ctx, [
      'title',
      'intro',
      'translations',
      'deadline',
      'questions',
      'public',
      'allowAudioOnly',
      ...Object.keys(interviewRubricShape),
      ...Object.keys(InterviewDataRightsInput.shape),
    ]),
  );

export type InterviewChanges = z.output<typeof UpdateInterviewRequest>;
