import { Router } from 'express';
import { z } from 'zod';
import { RateAnswerRequest } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { staffActor } from '../../domain/audit/audit-log.js';
import { invitationOfAnswer } from '../../domain/audit/record-helpers.js';
import { listRatings, rateAnswer } from '../../domain/ratings.js';
import { answerForReview } from '../../domain/review-answer.js';
import { reviewQueue } from '../../domain/review-queue.js';
import { currentUser, requireStaff } from '../auth.js';
import { parseInput } from '../validate.js';

export const QueueQuery = z.object({
  interviewId: z.string().trim().min(1).max(100).optional(),
  status: z.enum(['invited', 'started', 'completed', 'expired']).optional(),
});

export function reviewRoutes(deps: Deps): Router {
  const router = Router();
  const anyStaff = requireStaff(deps);

  router.get('/review/queue', anyStaff, async (req, res) => {
    const filter = parseInput(QueueQuery, req.query);
    res.json({ items: await reviewQueue(deps, currentUser(res), filter) });
  });

  router.get('/answers/:answerId', anyStaff, async (req, res) => {
    const answer = await answerForReview(deps, currentUser(res), req.params.answerId as string);
    void deps.audit.record({
      actor: staffActor(currentUser(res)),
      action: 'answer.viewed',
      target: { type: 'answer', id: answer.id },
      invitationId: answer.invitationId,
    });
    res.json(answer);
  });

  router.put('/answers/:answerId/ratings/me', anyStaff, async (req, res) => {
    const input = parseInput(RateAnswerRequest, req.body);
    const rating = await rateAnswer(deps, currentUser(res), req.params.answerId as string, input);
    await deps.audit.record({
      actor: staffActor(currentUser(res)),
      action: 'rating.saved',
      target: { type: 'rating', id: rating.id },
      invitationId: await invitationOfAnswer(deps, rating.answerId),
    });
    res.json(rating);
  });

  router.get('/answers/:answerId/ratings', anyStaff, async (req, res) => {
    res.json({ items: await listRatings(deps, currentUser(res), req.params.answerId as string) });
  });

  return router;
}
