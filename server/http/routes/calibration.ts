import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { calibrationReport } from '../../domain/calibration/calibration-report.js';
import { setExpertScore, setReference } from '../../domain/calibration/reference.js';
import { getInterview } from '../../domain/interviews/interviews.js';
import { answersByQuestion } from '../../domain/review/by-question.js';
import { mySealing } from '../../domain/review/sightings.js';
import { currentStaffActor, currentUser, requireStaff } from '../auth.js';
import { parseInput } from '../validate.js';

const id = z.string().trim().min(1, 'is required').max(100);
export const ReferenceRequest = z.strictObject({
  reference: z.boolean({ message: 'must be true or false' }),
});
export const ExpertScoreRequest = z.strictObject({
  score: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(5, 'must be at most 5'),
  rationale: z.string().trim().min(1, 'is required').max(5000, 'is longer than 5000 characters'),
});
export const CalibrationQuery = z.object({ interviewId: id, questionId: id.optional() });

/**
 * Calibration (API.md, third release):
 *
 * - PUT /invitations/:id/reference     organisers { reference } → { invitationId, reference }
 * - PUT /answers/:id/expert-score      organisers { score, rationale } → 200; 409 not_reference
 * - GET /review/calibration?interviewId=&questionId=   any staff → reference answers to rate
 * - GET /interviews/:id/calibration    organisers → per reviewer bias, mae, agreement, drift
 * - GET /interviews/:id/my-ratings     organisers → { rated, unrated } (extension: the sealed
 *   warning before results and reliability)
 *
 * "Organisers" are admins and recruiters until interview membership lands; then the recruiter
 * members of the interview (the integrator routes these through the membership rule).
 */
export function calibrationRoutes(deps: Deps): Router {
  const router = Router();
  const anyStaff = requireStaff(deps);
  const organisers = requireStaff(deps, 'admin', 'recruiter');

  router.put('/invitations/:id/reference', organisers, async (req, res) => {
    const { reference } = parseInput(ReferenceRequest, req.body);
    const result = await setReference(
      deps,
      currentStaffActor(res),
      req.params.id as string,
      reference,
    );
    res.json({ invitationId: result.invitationId, reference: result.reference });
  });

  router.put('/answers/:id/expert-score', organisers, async (req, res) => {
    const input = parseInput(ExpertScoreRequest, req.body);
    const { invitationId: _, ...saved } = await setExpertScore(
      deps,
      currentUser(res),
      req.params.id as string,
      input,
    );
    res.json(saved);
  });

  router.get('/review/calibration', anyStaff, async (req, res) => {
    const { interviewId, questionId } = parseInput(CalibrationQuery, req.query);
    const viewer = currentUser(res);
    const questions = questionId
      ? [questionId]
      : (await getInterview(deps.db, interviewId)).questions.map((q: { id: string }) => q.id);
    const items = [];
    for (const q of questions) {
      const list = await answersByQuestion(deps, viewer, interviewId, q, 'reference');
      items.push(...list.map((item) => ({ ...item, questionId: q })));
    }
    res.json({ items });
  });

  // Extension for the workspace's sealed warning (docs/fairness.md): my rated and unrated answers.
  router.get('/interviews/:id/my-ratings', organisers, async (req, res) => {
    res.json(await mySealing(deps, currentUser(res).id, req.params.id as string));
  });

  router.get('/interviews/:id/calibration', organisers, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(await calibrationReport(deps, req.params.id as string));
  });

  return router;
}
