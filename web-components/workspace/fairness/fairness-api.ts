import type {
  AdverseImpactReport,
  ReviewerCalibration,
  SelfIdSettings,
} from '../../../server/contracts/fairness.js';
import type { WorkspaceApi } from '../api/workspace-api.js';

const id = encodeURIComponent;

/** The fairness and calibration endpoints (API.md, third release) over the workspace client. */
export function fairnessApi(api: WorkspaceApi) {
  return {
    selfId: () => api.request<SelfIdSettings>('/fairness/self-id'),
    saveSelfId: (settings: SelfIdSettings) =>
      api.request<SelfIdSettings>('/fairness/self-id', {
        method: 'PUT',
        body: JSON.stringify(settings),
      }),
    adverseImpact: (interviewId: string, location?: string) =>
      api.request<AdverseImpactReport>(
        `/interviews/${id(interviewId)}/adverse-impact${location ? `?${new URLSearchParams({ location })}` : ''}`,
      ),
    calibration: (interviewId: string) =>
      api.request<{ reviewers: ReviewerCalibration[] }>(
        `/interviews/${id(interviewId)}/calibration`,
      ),
    myRatings: (interviewId: string) =>
      api.request<{ rated: number; unrated: number }>(`/interviews/${id(interviewId)}/my-ratings`),
  };
}
