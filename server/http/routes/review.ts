import { Router } from 'express';
import { z } from 'zod';
import { RateAnswerRequest } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { expertOf } from '../../domain/calibration/reference.js';
import { listRatings, rateAnswer } from '../../domain/review/ratings.js';
import { answerForReview } from '../../domain/review/review-answer.js';
import { reviewQueue } from '../../domain/review/review-queue.js';
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
    res.json(await answerForReview(deps, currentUser(res), req.params.answerId as string));
  });

  router.put('/answers/:answerId/ratings/me', anyStaff, async (req, res) => {
    const input = parseInput(RateAnswerRequest, req.body);
    res.json(await rateAnswer(deps, currentUser(res), req.params.answerId as string, input));
  });

  router.get('/answers/:answerId/ratings', anyStaff, async (req, res) => {
    const viewer = currentUser(res);
    const answerId = req.params.answerId as string;
    const items = await listRatings(deps, viewer, answerId);
    // Frame-of-reference training: once I have rated a reference answer, the expert's view.
    const expert = items.some((r) => r.reviewer.id === viewer.id)
      ? await expertOf(deps.db, answerId)
      : null;
    res.json(expert ? { items, expert } : { items });
  });

  return router;
}
