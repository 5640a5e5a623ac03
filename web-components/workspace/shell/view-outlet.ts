import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import '../interviews/interview-editor.js';
import '../interviews/interview-list.js';
import '../interviews/interview-page.js';
import '../review/candidate-review.js';
import '../review/review-queue.js';
import '../session/change-password.js';
import '../users/user-admin.js';
import '../audit/audit-trail.js';
import '../fairness/adverse-impact-page.js';
import '../fairness/calibration-page.js';
import '../integrations/integrations-page.js';
import { renderStructuredView } from '../structured/structured-views.js';
import { canOrganise, type WorkspaceContext } from '../workspace-context.js';
import type { Route } from './routes.js';

function notAllowed(): TemplateResult {
  return html`<h1>${msg('Not available', { id: 'ws.shell.notAllowedTitle' })}</h1>
    <p>${msg('Your role does not give access to this page.', { id: 'ws.shell.notAllowed' })}</p>`;
}

/** The screen for a route; role checks here only hide what the server would refuse anyway. */
export function renderView(route: Route, ctx: WorkspaceContext): TemplateResult {
  switch (route.view) {
    case 'interviews':
      return html`<ws-interview-list .ctx=${ctx}></ws-interview-list>`;
    case 'new-interview':
      return canOrganise(ctx.user)
        ? html`<ws-interview-editor .ctx=${ctx}></ws-interview-editor>`
        : notAllowed();
    case 'interview':
      return html`<ws-interview-page .ctx=${ctx} .interviewId=${route.id}></ws-interview-page>`;
    case 'edit-interview':
      return canOrganise(ctx.user)
        ? html`<ws-interview-editor .ctx=${ctx} .interviewId=${route.id}></ws-interview-editor>`
        : notAllowed();
    case 'queue':
      return html`<ws-review-queue .ctx=${ctx} .interviewId=${route.interviewId ?? ''}
        .status=${route.status ?? 'completed'}></ws-review-queue>`;
    case 'review':
      return html`<ws-candidate-review .ctx=${ctx} .invitationId=${route.invitationId}
        .status=${route.status ?? 'completed'}></ws-candidate-review>`;
    case 'account':
      return html`<ws-change-password .request=${ctx.api.changePassword}></ws-change-password>`;
    case 'by-question':
    case 'results':
    case 'reliability':
      return canOrganise(ctx.user) || route.view === 'by-question'
        ? renderStructuredView(route, ctx)
        : notAllowed();
    case 'users':
      return ctx.user.role === 'admin'
        ? html`<ws-user-admin .ctx=${ctx}></ws-user-admin>`
        : notAllowed();
    case 'fairness':
      return ctx.user.role === 'admin'
        ? html`<ws-adverse-impact-page .ctx=${ctx} .interviewId=${route.id}></ws-adverse-impact-page>`
        : notAllowed();
    case 'calibration':
      return canOrganise(ctx.user)
        ? html`<ws-calibration-page .ctx=${ctx} .interviewId=${route.id}></ws-calibration-page>`
        : notAllowed();
    case 'integrations':
      return ctx.user.role === 'admin'
        ? html`<ws-integrations .ctx=${ctx}></ws-integrations>`
        : notAllowed();
    case 'audit':
      return ctx.user.role === 'admin'
        ? html`<ws-audit-trail .ctx=${ctx} .invitationId=${route.invitationId ?? ''}></ws-audit-trail>`
        : notAllowed();
  }
}
