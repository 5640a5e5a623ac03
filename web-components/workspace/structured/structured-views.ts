import { html, type TemplateResult } from 'lit';
import type { Route } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import './question-review.js';
import './reliability-page.js';
import './results-page.js';
import '../fairness/sealed-gate.js';

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
    // Both show every rating: an organiser who also reviews is warned first (sealed-gate.ts).
    case 'results':
      return html`<ws-sealed-gate .ctx=${ctx} .interviewId=${route.id} .content=${() =>
        html`<ws-results-page .ctx=${ctx} .interviewId=${route.id}></ws-results-page>`}></ws-sealed-gate>`;
    case 'reliability':
      return html`<ws-sealed-gate .ctx=${ctx} .interviewId=${route.id} .content=${() =>
        html`<ws-reliability-page .ctx=${ctx} .interviewId=${route.id}></ws-reliability-page>`}></ws-sealed-gate>`;
  }
}
