import { z } from 'zod';
import { AnyObject, itemsOf } from '../../contracts/responses.js';
import { CreateShareRequest, GuestRatingRequest, MembersRequest } from '../../contracts/sharing.js';
import type { RouteDoc } from './route-doc.js';

/** Teams and share links (API.md, third release: "Teams", "Share with a hiring manager"). */
export const teamRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/interviews/:id/members',
    summary: "The interview's recruiter and reviewer members (admin; recruiter members)",
    tag: 'Teams',
    access: 'organisers',
    ok: { status: 200, schema: itemsOf(AnyObject) },
  },
  {
    method: 'put',
    path: '/interviews/:id/members',
    summary: 'Replace the members (a reviewer account can only be a reviewer member)',
    tag: 'Teams',
    access: 'organisers',
    body: MembersRequest,
    ok: { status: 200, schema: itemsOf(AnyObject) },
  },
  {
    method: 'post',
    path: '/invitations/:id/shares',
    summary: "Share a completed candidate's answers with a hiring manager",
    tag: 'Shares',
    access: 'organisers',
    body: CreateShareRequest,
    ok: { status: 201, schema: AnyObject },
    errors: [409],
  },
  {
    method: 'get',
    path: '/invitations/:id/shares',
    summary: "A candidate's share links, with opens",
    tag: 'Shares',
    access: 'organisers',
    ok: { status: 200, schema: itemsOf(AnyObject) },
  },
  {
    method: 'delete',
    path: '/shares/:id',
    summary: 'Revoke a share link (its API answers 404 from then on)',
    tag: 'Shares',
    access: 'organisers',
    ok: { status: 204 },
  },
  {
    method: 'get',
    path: '/invitations/:id/guest-ratings',
    summary: "Hiring managers' ratings (never counted in results)",
    tag: 'Shares',
    access: 'organisers',
    ok: { status: 200, schema: itemsOf(AnyObject) },
  },
  {
    method: 'get',
    path: '/guest/session',
    summary: "The shared candidate's answers with the rubric, and nothing else",
    tag: 'Shares',
    access: 'guest',
    ok: { status: 200, schema: AnyObject },
  },
  {
    method: 'put',
    path: '/guest/answers/:answerId/rating',
    summary: 'Rate an answer as the hiring manager (403 when the link does not allow it)',
    tag: 'Shares',
    access: 'guest',
    body: GuestRatingRequest,
    ok: { status: 200, schema: z.looseObject({ score: z.number(), comment: z.string() }) },
  },
];
