import { z } from 'zod';
import {
  AdverseImpactQuery,
  CandidateSelfIdRequest,
  SelfIdSettingsRequest,
} from '../../contracts/fairness.js';
import { AnswerView, AnyObject, itemsOf } from '../../contracts/responses.js';
import { CalibrationQuery, ExpertScoreRequest, ReferenceRequest } from '../routes/calibration.js';
import type { RouteDoc } from './route-doc.js';

/** Fairness (self-identification, adverse impact), calibration, and issue 21's discard. */
export const fairnessRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/fairness/self-id',
    summary: 'The self-identification form',
    tag: 'Fairness',
    access: 'admin',
    ok: { status: 200, schema: AnyObject },
  },
  {
    method: 'put',
    path: '/fairness/self-id',
    summary: 'Change the self-identification form',
    tag: 'Fairness',
    access: 'admin',
    body: SelfIdSettingsRequest,
    ok: { status: 200, schema: AnyObject },
  },
  {
    method: 'get',
    path: '/candidate/self-id',
    summary: 'The form in my language, and my answers',
    tag: 'Candidate',
    access: 'candidate',
    ok: { status: 200, schema: AnyObject },
  },
  {
    method: 'put',
    path: '/candidate/self-id',
    summary: 'Answer (or decline) self-identification',
    tag: 'Candidate',
    access: 'candidate',
    body: CandidateSelfIdRequest,
    ok: { status: 204 },
  },
  {
    method: 'get',
    path: '/interviews/:id/adverse-impact',
    summary: 'Selection rates, impact ratios and tests per group and stage',
    tag: 'Fairness',
    access: 'admin',
    query: AdverseImpactQuery,
    ok: { status: 200, schema: AnyObject },
  },
  {
    method: 'put',
    path: '/invitations/:id/reference',
    summary: 'Mark an invitation as a reference (calibration)',
    tag: 'Calibration',
    access: 'organisers',
    body: ReferenceRequest,
    ok: {
      status: 200,
      schema: z.looseObject({ invitationId: z.string(), reference: z.boolean() }),
    },
  },
  {
    method: 'put',
    path: '/answers/:id/expert-score',
    summary: 'The expert score of a reference answer',
    tag: 'Calibration',
    access: 'organisers',
    body: ExpertScoreRequest,
    ok: { status: 200, schema: AnyObject },
    errors: [409],
  },
  {
    method: 'get',
    path: '/review/calibration',
    summary: 'Reference answers to rate',
    tag: 'Calibration',
    access: 'staff',
    query: CalibrationQuery,
    ok: { status: 200, schema: itemsOf(AnyObject) },
  },
  {
    method: 'get',
    path: '/interviews/:id/calibration',
    summary: 'Per reviewer bias, error and agreement against expert scores',
    tag: 'Calibration',
    access: 'organisers',
    ok: { status: 200, schema: AnyObject },
  },
  {
    method: 'get',
    path: '/interviews/:id/my-ratings',
    summary: 'What I rated and did not (before seeing results)',
    tag: 'Calibration',
    access: 'organisers',
    ok: { status: 200, schema: AnyObject },
    extension: true,
  },
  {
    method: 'post',
    path: '/candidate/answers/:answerId/discard',
    summary: 'Set aside an interrupted retake for the complete answer before it',
    tag: 'Candidate',
    access: 'candidate',
    ok: { status: 200, schema: AnswerView },
    extension: true,
  },
];
