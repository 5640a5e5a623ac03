import { Router } from 'express';
import {
  AdverseImpactQuery,
  CandidateSelfIdRequest,
  SelfIdSettingsRequest,
} from '../../contracts/fairness.js';
import type { Deps } from '../../deps.js';
import { adverseImpact } from '../../domain/fairness/adverse-impact.js';
import {
  candidateSelfId,
  saveCandidateSelfId,
  saveSelfIdSettings,
  selfIdSettings,
} from '../../domain/fairness/self-id.js';
import { currentInvitation, currentStaffActor, requireCandidate, requireStaff } from '../auth.js';
import { parseInput } from '../validate.js';

/**
 * Fairness (API.md, third release):
 *
 * - GET/PUT /fairness/self-id                admin: the installation's self-identification form
 * - GET/PUT /candidate/self-id               candidate: the form in their language; their answers
 * - GET     /interviews/:id/adverse-impact   admin: rates and comparisons per stage and group
 *
 * Self-identification answers leave the server only through the candidate's own endpoints and
 * export, and as group counts in the report: never in a log line (nothing here logs a body).
 */
export function fairnessRoutes(deps: Deps): Router {
  const router = Router();
  const admins = requireStaff(deps, 'admin');
  const candidate = requireCandidate(deps);

  router.get('/fairness/self-id', admins, async (_req, res) => {
    res.json(await selfIdSettings(deps.db));
  });

  router.put('/fairness/self-id', admins, async (req, res) => {
    const settings = parseInput(SelfIdSettingsRequest, req.body);
    res.json(await saveSelfIdSettings(deps, currentStaffActor(res), settings));
  });

  router.get('/candidate/self-id', candidate, async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(await candidateSelfId(deps, currentInvitation(res)));
  });

  router.put('/candidate/self-id', candidate, async (req, res) => {
    const { answers } = parseInput(CandidateSelfIdRequest, req.body);
    await saveCandidateSelfId(deps, currentInvitation(res), answers);
    res.status(204).end();
  });

  router.get('/interviews/:id/adverse-impact', admins, async (req, res) => {
    const { location } = parseInput(AdverseImpactQuery, req.query);
    res.set('Cache-Control', 'no-store');
    res.json(await adverseImpact(deps, req.params.id as string, location));
  });

  return router;
}
