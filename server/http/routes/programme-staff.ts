import { Router } from 'express';
import { AccommodationsRequest, FeedbackRequest } from '../../contracts/programmes.js';
import type { Deps } from '../../deps.js';
import { requestExtraTime } from '../../domain/accommodations/request-extra-time.js';
import {
  candidateFeedback,
  feedbackDraft,
  releaseFeedback,
  saveFeedback,
} from '../../domain/feedback/feedback.js';
import {
  currentInvitation,
  currentStaffActor,
  currentUser,
  requireCandidate,
  requireStaff,
} from '../auth.js';
import { parseInput } from '../validate.js';

/**
 * Candidate feedback and accommodations (API.md "Candidate feedback", "Accommodations"):
 * - GET  /invitations/:id/feedback           admin, recruiter → draft (extension: prefilled
 *        from the rubric until saved); 409 not_completed
 * - PUT  /invitations/:id/feedback           admin, recruiter { summary?, competencies }
 * - POST /invitations/:id/feedback/release   admin, recruiter; 409 feedback_missing
 * - GET  /candidate/feedback                 candidate → Feedback once released, else 404
 * - POST /candidate/accommodations           candidate { extraTime: true } → CandidateSession
 */
export function programmeRoutes(deps: Deps): Router {
  const router = Router();
  const organisers = requireStaff(deps, 'admin', 'recruiter');
  const candidate = requireCandidate(deps);

  router.get('/invitations/:id/feedback', organisers, async (req, res) => {
    res.json(await feedbackDraft(deps, req.params.id as string));
  });

  router.put('/invitations/:id/feedback', organisers, async (req, res) => {
    const input = parseInput(FeedbackRequest, req.body);
    res.json(await saveFeedback(deps, req.params.id as string, input));
  });

  router.post('/invitations/:id/feedback/release', organisers, async (req, res) => {
    const invitationId = req.params.id as string;
    const feedback = await releaseFeedback(deps, invitationId, currentStaffActor(res));
    deps.log.info({ invitationId, by: currentUser(res).id }, 'feedback released');
    res.json(feedback);
  });

  router.get('/candidate/feedback', candidate, async (_req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .json(await candidateFeedback(deps, currentInvitation(res).id));
  });

  router.post('/candidate/accommodations', candidate, async (req, res) => {
    parseInput(AccommodationsRequest, req.body);
    res.json(await requestExtraTime(deps, currentInvitation(res)));
  });

  return router;
}
