import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { selfIdExportSection } from '../fairness/self-id.js';
import { visibleStatus } from '../invitations/invitation-status.js';
import { signedMediaUrl } from '../takes/media-urls.js';
import { PROGRAMME_EXPORT_SECTIONS } from './programme-export.js';

/**
 * Parts of the export that other features own (the application with its location and
 * eligibility answers, released feedback): each adds one function here returning its section.
 */
export const EXPORT_SECTIONS: ((
  deps: Deps,
  invitation: InvitationsTable,
) => Promise<Record<string, unknown>>)[] = [...PROGRAMME_EXPORT_SECTIONS, selfIdExportSection];

/**
 * Everything held about the candidate that they gave or were given: GDPR's right of access, in
 * a file they can keep. Reviewers' private ratings are staff notes and are not included; an
 * operator answering a wider access request uses the workspace (docs/deploy.md).
 */
export async function candidateExport(deps: Deps, invitation: InvitationsTable) {
  const candidate = await deps.db
    .selectFrom('candidates')
    .select(['name', 'email'])
    .where('id', '=', invitation.candidateId)
    .executeTakeFirstOrThrow();
  const interview = await deps.db
    .selectFrom('interviews')
    .select(['title', 'deadline', 'retentionDays'])
    .where('id', '=', invitation.interviewId)
    .executeTakeFirstOrThrow();
  const consentText = invitation.consentVersion
    ? await deps.db
        .selectFrom('privacyTexts')
        .select('text')
        .where('version', '=', invitation.consentVersion)
        .executeTakeFirst()
    : undefined;
  const answers = await deps.db
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.questionId')
    .select([
      'answers.id',
      'questions.position',
      'questions.prompt',
      'answers.attempt',
      'answers.status',
      'answers.durationMs',
      'answers.createdAt',
      'answers.videoKey',
    ])
    .where('answers.invitationId', '=', invitation.id)
    .orderBy('questions.position')
    .orderBy('answers.attempt')
    .execute();
  const sections = await Promise.all(EXPORT_SECTIONS.map((section) => section(deps, invitation)));
  return {
    exportedAt: deps.now().toISOString(),
    name: candidate.name,
    email: candidate.email,
    interview: { title: interview.title, deadline: interview.deadline },
    invitation: {
      status: visibleStatus(invitation, interview.deadline, deps.now()),
      invitedAt: invitation.createdAt,
      startedAt: invitation.startedAt,
      completedAt: invitation.completedAt,
      expiresAt: invitation.expiresAt,
    },
    consent: invitation.consentAt
      ? {
          at: invitation.consentAt,
          version: invitation.consentVersion,
          text: consentText?.text ?? null,
        }
      : null,
    retentionDays: interview.retentionDays,
    answers: await Promise.all(
      answers.map(async (a) => ({
        id: a.id,
        question: { number: a.position + 1, prompt: a.prompt },
        attempt: a.attempt,
        status: a.status,
        durationMs: a.durationMs,
        recordedAt: a.createdAt,
        // Signed like the review links: valid for a while, then the file must be exported again.
        videoUrl: a.status === 'ready' ? await signedMediaUrl(deps.storage, a.videoKey) : null,
      })),
    ),
    // Filled by EXPORT_SECTIONS once the features holding them are present.
    application: null,
    feedback: null,
    ...Object.assign({}, ...sections),
  };
}
