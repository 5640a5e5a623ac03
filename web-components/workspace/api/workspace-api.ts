import type {
  AnswerForReview,
  Interview,
  Invitation,
  InvitationStatus,
  Question,
  QueueItem,
  Rating,
  Role,
  StaffMember,
  User,
} from '../../../server/contracts/api.js';
import type {
  CreateShareRequest,
  GuestRatingItem,
  Member,
  MemberRole,
  Share,
} from '../../../server/contracts/sharing.js';
import { ApiError, apiFetch, throwProblem } from '../../api-client.js';
import type { SessionStore } from '../session/session-store.js';

/** The workspace endpoints' own shapes (server/domain/workspace). */
export interface InterviewStats {
  interviewId: string;
  invitations: Record<InvitationStatus, number>;
  answerCount: number;
  questionsLocked: boolean;
}

export interface InterviewDraft {
  title: string;
  intro: string;
  /** Issue 21: the title and intro in English and/or French. */
  translations?: Interview['translations'];
  deadline: string | null;
  questions: (Omit<Question, 'id' | 'position'> & { id?: string })[];
  /** Issue 9: false when every answer must be on video. */
  allowAudioOnly?: boolean;
}

/** A request made for one person finished after someone else signed in: it must not apply. */
export class SessionChangedError extends Error {
  constructor() {
    super('Another person signed in; this action was cancelled.');
  }
}

/**
 * API v1 for the workspace. A 401 ends the session but not the call: it waits for the person
 * to sign in again, then retries, so a rating or an edit in flight is not lost.
 */
export class WorkspaceApi {
  constructor(private readonly session: SessionStore) {}

  request<T>(path: string, init: RequestInit = {}): Promise<T> {
    return this.#authorized((token) => apiFetch<T>(path, token, init));
  }

  /** A file answer (CSV), with the same sign-in handling; the name comes from the server. */
  download(path: string): Promise<{ blob: Blob; filename: string }> {
    return this.#authorized((token) => fetchFile(path, token));
  }

  async #authorized<T>(call: (token: string) => Promise<T>): Promise<T> {
    const first = await this.session.whenSignedIn();
    let current = first;
    for (;;) {
      try {
        return await call(current.token);
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 401)) throw err;
        this.session.expire();
        current = await this.session.whenSignedIn();
        if (current.user.id !== first.user.id) throw new SessionChangedError();
      }
    }
  }

  #send<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.request<T>(path, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  me = () => this.request<User>('/me');
  users = async () => (await this.request<{ items: StaffMember[] }>('/users')).items;
  createUser = (user: { email: string; name: string; password: string; role: Role }) =>
    this.#send<User>('POST', '/users', user);
  updateUser = (id: string, changes: { name?: string; role?: Role; active?: boolean }) =>
    this.#send<StaffMember>('PATCH', `/users/${encodeURIComponent(id)}`, changes);
  /** Issue 8: a one-time password for the user, shown to the admin once. */
  resetPassword = (id: string) =>
    this.#send<{ password: string }>('POST', `/users/${encodeURIComponent(id)}/password-reset`);
  changePassword = (input: { currentPassword: string; newPassword: string }) =>
    this.#send<{ token: string; user: User }>('POST', '/me/password', input);

  interviews = async () => (await this.request<{ items: Interview[] }>('/interviews')).items;
  interview = (id: string) => this.request<Interview>(`/interviews/${encodeURIComponent(id)}`);
  interviewStats = (id: string) =>
    this.request<InterviewStats>(`/interviews/${encodeURIComponent(id)}/stats`);
  createInterview = (draft: InterviewDraft) => this.#send<Interview>('POST', '/interviews', draft);
  updateInterview = (id: string, draft: Partial<InterviewDraft>) =>
    this.#send<Interview>('PATCH', `/interviews/${encodeURIComponent(id)}`, draft);

  invitations = async (interviewId: string) =>
    (
      await this.request<{ items: Invitation[] }>(
        `/interviews/${encodeURIComponent(interviewId)}/invitations`,
      )
    ).items;
  invite = async (interviewId: string, candidates: { name: string; email: string }[]) =>
    (
      await this.#send<{ items: Invitation[] }>(
        'POST',
        `/interviews/${encodeURIComponent(interviewId)}/invitations`,
        { candidates },
      )
    ).items;
  reissueLink = (invitationId: string) =>
    this.#send<Invitation>('POST', `/invitations/${encodeURIComponent(invitationId)}/link`);
  /** Admin only: the candidate and everything about them go for good (204). */
  eraseInvitation = (invitationId: string) =>
    this.#send<null>('DELETE', `/invitations/${encodeURIComponent(invitationId)}`);

  queue = async (filter: { interviewId?: string; status?: InvitationStatus } = {}) => {
    const query = new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    return (await this.request<{ items: QueueItem[] }>(`/review/queue?${query}`)).items;
  };
  answer = (id: string) => this.request<AnswerForReview>(`/answers/${encodeURIComponent(id)}`);
  ratings = async (answerId: string) =>
    (await this.request<{ items: Rating[] }>(`/answers/${encodeURIComponent(answerId)}/ratings`))
      .items;
  rate = (answerId: string, rating: { score: number; comment: string }) =>
    this.#send<Rating>('PUT', `/answers/${encodeURIComponent(answerId)}/ratings/me`, rating);
  /** Teams (third release): who may see and change one interview. */
  members = async (interviewId: string) =>
    (
      await this.request<{ items: Member[] }>(
        `/interviews/${encodeURIComponent(interviewId)}/members`,
      )
    ).items;
  setMembers = async (interviewId: string, items: { userId: string; role: MemberRole }[]) =>
    (
      await this.#send<{ items: Member[] }>(
        'PUT',
        `/interviews/${encodeURIComponent(interviewId)}/members`,
        { items },
      )
    ).items;

  /** Share links for a hiring manager (third release); `url` only in the answer to create. */
  shares = async (invitationId: string) =>
    (
      await this.request<{ items: Share[] }>(
        `/invitations/${encodeURIComponent(invitationId)}/shares`,
      )
    ).items;
  createShare = (invitationId: string, share: CreateShareRequest) =>
    this.#send<Share>('POST', `/invitations/${encodeURIComponent(invitationId)}/shares`, share);
  revokeShare = (shareId: string) =>
    this.#send<null>('DELETE', `/shares/${encodeURIComponent(shareId)}`);
  guestRatings = async (invitationId: string) =>
    (
      await this.request<{ items: GuestRatingItem[] }>(
        `/invitations/${encodeURIComponent(invitationId)}/guest-ratings`,
      )
    ).items;

  ratingsCsv = (interviewId: string) =>
    this.download(`/interviews/${encodeURIComponent(interviewId)}/ratings.csv`);
}

/** Signs in; not through WorkspaceApi, which needs a session to exist. */
/** Ends this token on the server (every process); best effort: signing out locally follows. */
export async function signOutRequest(token: string): Promise<void> {
  await fetch('/api/v1/auth/logout', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => {});
}

export async function signInRequest(
  email: string,
  password: string,
): Promise<{ token: string; user: User; mustChangePassword?: boolean }> {
  const res = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) return throwProblem(res);
  return (await res.json().catch(() => null)) as {
    token: string;
    user: User;
    mustChangePassword?: boolean;
  };
}

async function fetchFile(path: string, token: string): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return throwProblem(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'export.csv';
  return { blob: await res.blob(), filename };
}
