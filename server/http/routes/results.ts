import { Router } from 'express';
import { z } from 'zod';
import { competencyLibrary } from '../../contracts/competency-library.js';
import { DecisionRequest } from '../../contracts/review.js';
import type { Deps } from '../../deps.js';
import { grantFor } from '../../domain/access/interview-access.js';
import { answersByQuestion } from '../../domain/review/by-question.js';
import { decide } from '../../domain/review/decisions.js';
import { interviewReliability } from '../../domain/review/reliability.js';
import { interviewResults } from '../../domain/review/results.js';
import { recordSighting } from '../../domain/review/sightings.js';
import { currentUser, requireStaff } from '../auth.js';
import { staffIn } from '../interview-guard.js';
import { parseInput } from '../validate.js';

const id = z.string().trim().min(1, 'is required').max(100);
export const ByQuestionQuery = z.object({ interviewId: id, questionId: id });
export const ResultsQuery = z.object({
  location: z.string().trim().min(1, 'is required').max(40).optional(),
});
export const LibraryQuery = z.object({ lang: z.enum(['en', 'fr']).optional().default('en') });

/**
 * Structured review (API.md "Structured review"): question-by-question lists, decisions,
 * results and reliability; plus the built-in competency library (an extension).
 */
export function structuredReviewRoutes(deps: Deps): Router {
  const router = Router();
  const anyStaff = requireStaff(deps);

  router.get('/review/by-question', anyStaff, async (req, res) => {
    const { interviewId, questionId } = parseInput(ByQuestionQuery, req.query);
    await grantFor(deps, currentUser(res), 'interview', interviewId, 'review');
    res.json({ items: await answersByQuestion(deps, currentUser(res), interviewId, questionId) });
  });

  router.put(
    '/invitations/:id/decision',
    ...staffIn(deps, 'invitation', 'manage'),
    async (req, res) => {
      const input = parseInput(DecisionRequest, req.body);
      const invitationId = req.params.id as string;
      res.json(await decide(deps, currentUser(res), invitationId, input));
    },
  );

  // Both show every rating of the interview: the reader has now seen them (sightings.ts).
  router.get(
    '/interviews/:id/results',
    ...staffIn(deps, 'interview', 'manage'),
    async (req, res) => {
      res.set('Cache-Control', 'no-store');
      const interviewId = req.params.id as string;
      const { location } = parseInput(ResultsQuery, req.query);
      const items = await interviewResults(deps, interviewId, location);
      await recordSighting(deps, currentUser(res).id, interviewId);
      res.json({ items });
    },
  );

  router.get(
    '/interviews/:id/reliability',
    ...staffIn(deps, 'interview', 'manage'),
    async (req, res) => {
      const interviewId = req.params.id as string;
      const reliability = await interviewReliability(deps, interviewId);
      await recordSighting(deps, currentUser(res).id, interviewId);
      res.json(reliability);
    },
  );

  router.get('/competency-library', anyStaff, (req, res) => {
    const { lang } = parseInput(LibraryQuery, req.query);
    res.json({ items: competencyLibrary(lang) });
  });

  return router;
}
