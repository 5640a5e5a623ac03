import { Router } from 'express';
import { AuditQuery } from '../../contracts/data-rights.js';
import type { Deps } from '../../deps.js';
import { readAudit } from '../../domain/audit/read-audit.js';
import { requireStaff } from '../auth.js';
import { parseInput } from '../validate.js';

/**
 * Data rights and audit (../shared/API.md):
 *
 * - GET /audit?invitationId=&actorId=&limit=&cursor=  admin → { items, nextCursor? }
 */
export function dataRightsRoutes(deps: Deps): Router {
  const router = Router();
  const admins = requireStaff(deps, 'admin');

  router.get('/audit', admins, async (req, res) => {
    res.json(await readAudit(deps, parseInput(AuditQuery, req.query)));
  });

  return router;
}
