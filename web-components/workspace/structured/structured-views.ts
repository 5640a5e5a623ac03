import { html, type TemplateResult } from 'lit';
import type { Route } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import './question-review.js';
import './reliability-page.js';
import './results-page.js';

type StructuredRoute = Extract<Route, { view: 'by-question' | 'results' | 'reliability' }>;

/** The structured-review screens (role checks stay in the view outlet). */
export function renderStructuredView(
  route: StructuredRoute,
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
