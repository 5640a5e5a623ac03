import { html, type TemplateResult } from 'lit';
import type { WorkspaceContext } from '../workspace-context.js';
import type { Route } from './routes.js';
import '../review/question-review.js';
import '../results/reliability-page.js';
import '../results/results-page.js';

type ReviewScreenRoute = Extract<Route, { view: 'by-question' | 'results' | 'reliability' }>;

/** The structured-review screens (role checks stay in the view outlet). */
export function renderReviewScreen(
  route: ReviewScreenRoute,
  ctx: WorkspaceContext,
): TemplateResult {
  switch (route.view) {
    case 'by-question':
      return html`<ws-question-review .ctx=${ctx} .interviewId=${route.interviewId}
        .questionId=${route.questionId ?? ''}></ws-question-review>`;
    case 'results':
      return html`<ws-results-page .ctx=${ctx} .interviewId=${route.id}></ws-results-page>`;
    case 'reliability':
      return html`<ws-reliability-page .ctx=${ctx} .interviewId=${route.id}></ws-reliability-page>`;
  }
}
