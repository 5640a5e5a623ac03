import type { AnswerForReview, Interview, Rating } from '../../../server/contracts/api.js';
import type {
  BulkItem,
  ByQuestionItem,
  Decision,
  Reliability,
  ResultItem,
} from '../../../server/contracts/review.js';
import type { Outcome } from '../../../server/contracts/review-rules.js';
import type { WorkspaceApi } from './workspace-api.js';

const id = encodeURIComponent;

/**
 * The "Structured review" endpoints of API.md (by question, ratings, decisions, results and
 * reliability), over the workspace's signed-in client.
 */
export function reviewApi(api: WorkspaceApi) {
  return {
    interview: (interviewId: string) => api.request<Interview>(`/interviews/${id(interviewId)}`),
    byQuestion: async (interviewId: string, questionId: string) =>
      (
        await api.request<{ items: ByQuestionItem[] }>(
          `/review/by-question?${new URLSearchParams({ interviewId, questionId })}`,
        )
      ).items,
    answer: (answerId: string) => api.request<AnswerForReview>(`/answers/${id(answerId)}`),
    ratings: async (answerId: string) =>
      (await api.request<{ items: Rating[] }>(`/answers/${id(answerId)}/ratings`)).items,
    rate: (answerId: string, rating: { score: number; comment: string }) =>
      api.request<Rating>(`/answers/${id(answerId)}/ratings/me`, {
        method: 'PUT',
        body: JSON.stringify(rating),
      }),
    decide: (invitationId: string, decision: { outcome: Outcome; note?: string }) =>
      api.request<Decision>(`/invitations/${id(invitationId)}/decision`, {
        method: 'PUT',
        body: JSON.stringify(decision),
      }),
    results: async (interviewId: string) =>
      (await api.request<{ items: ResultItem[] }>(`/interviews/${id(interviewId)}/results`)).items,
    /** Issue 21: one decision, or feedback release, for many candidates; each item on its own. */
    decideMany: async (invitationIds: string[], decision: { outcome: Outcome; note?: string }) =>
      (
        await api.request<{ items: BulkItem[] }>('/invitations/decisions', {
          method: 'PUT',
          body: JSON.stringify({ invitationIds, ...decision }),
        })
      ).items,
    releaseMany: async (invitationIds: string[]) =>
      (
        await api.request<{ items: BulkItem[] }>('/invitations/feedback/release', {
          method: 'POST',
          body: JSON.stringify({ invitationIds }),
        })
      ).items,
    reliability: (interviewId: string) =>
      api.request<Reliability>(`/interviews/${id(interviewId)}/reliability`),
  };
}

export type ReviewApi = ReturnType<typeof reviewApi>;
