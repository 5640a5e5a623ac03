/**
 * The workspace's calls for programmes, invitations with their email status, and candidate
 * feedback (API.md "Programmes", "Email", "Candidate feedback"), on top of WorkspaceApi so that
 * sign-in handling stays in one place.
 */

import type { Interview, Invitation } from '../../../server/contracts/api.js';
import type {
  ProgrammeSettings,
  ProgrammeSettingsInput,
  SkippedDuplicate,
  StaffFeedback,
} from '../../../server/contracts/programmes.js';
import type { WorkspaceApi } from './workspace-api.js';

/** A skipped email as the invite form shows it: with the name typed for it, when known. */
export type NamedDuplicate = SkippedDuplicate & { name?: string };

export interface InviteResult {
  items: Invitation[];
  duplicates: NamedDuplicate[];
}

const id = encodeURIComponent;

function send<T>(api: WorkspaceApi, method: string, path: string, body?: unknown): Promise<T> {
  return api.request<T>(path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function programmeSettings(
  api: WorkspaceApi,
  interviewId: string,
): Promise<{ title: string; settings: ProgrammeSettings | null }> {
  const interview = await api.interview(interviewId);
  const settings = interview.public ?? null;
  return { title: interview.title, settings };
}

export const saveProgrammeSettings = (
  api: WorkspaceApi,
  interviewId: string,
  settings: ProgrammeSettingsInput,
) => send<Interview>(api, 'PATCH', `/interviews/${id(interviewId)}`, { public: settings });

export async function programmeInvitations(
  api: WorkspaceApi,
  interviewId: string,
): Promise<Invitation[]> {
  return api.invitations(interviewId);
}

/**
 * Invites candidates. An email already invited to this interview is reported and skipped
 * unless `allowDuplicates` (the recruiter confirmed they want a second invitation).
 */
export async function inviteCandidates(
  api: WorkspaceApi,
  interviewId: string,
  candidates: { name: string; email: string; locationKey?: string }[],
  allowDuplicates = false,
): Promise<InviteResult> {
  const body = await send<{ items: Invitation[]; skipped?: SkippedDuplicate[] }>(
    api,
    'POST',
    `/interviews/${id(interviewId)}/invitations`,
    {
      candidates,
      ...(allowDuplicates ? { allowDuplicates: true } : {}),
    },
  );
  return { items: body.items, duplicates: body.skipped ?? [] };
}

export const feedbackDraft = (api: WorkspaceApi, invitationId: string) =>
  api.request<StaffFeedback>(`/invitations/${id(invitationId)}/feedback`);

export const saveFeedback = (
  api: WorkspaceApi,
  invitationId: string,
  feedback: { summary: string; competencies: { key: string; text: string }[] },
) => send<StaffFeedback>(api, 'PUT', `/invitations/${id(invitationId)}/feedback`, feedback);

/** Whether this installation sends email (GET /installation, extension for issue 21). */
export const emailEnabled = async (api: WorkspaceApi): Promise<boolean> =>
  (await api.request<{ emailEnabled?: boolean }>('/installation')).emailEnabled !== false;

export const releaseFeedback = (api: WorkspaceApi, invitationId: string) =>
  send<StaffFeedback>(api, 'POST', `/invitations/${id(invitationId)}/feedback/release`);
