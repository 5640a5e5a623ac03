import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import { candidateFeedback } from '../feedback/feedback.js';
import { locationName, programmeOf } from '../programmes/programme-settings.js';

/** The candidate's application (where they applied, their eligibility answers, when they agreed). */
async function applicationSection(deps: Deps, invitation: InvitationsTable) {
  if (!invitation.application) return { application: null };
  const given = JSON.parse(invitation.application) as {
    eligibility?: Record<string, boolean>;
    consentAt?: string;
  };
  const programme = await programmeOf(deps.db, invitation.interviewId);
  return {
    application: {
      location: locationName(programme, invitation.locationKey),
      eligibility: (programme?.eligibility ?? [])
        .filter((question) => given.eligibility?.[question.key] !== undefined)
        .map((question) => ({
          prompt: question.prompt,
          answer: given.eligibility?.[question.key],
        })),
      consentAt: given.consentAt ?? null,
    },
  };
}

/** Feedback they were given: only once released, as they would read it from their link. */
async function feedbackSection(deps: Deps, invitation: InvitationsTable) {
  try {
    return { feedback: await candidateFeedback(deps, invitation.id) };
  } catch (err) {
    if (err instanceof NotFoundError) return { feedback: null };
    throw err;
  }
}

export const PROGRAMME_EXPORT_SECTIONS = [applicationSection, feedbackSection];
