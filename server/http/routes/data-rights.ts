import { Router } from 'express';
import { AuditQuery, ConsentRequest, EraseRequest } from '../../contracts/data-rights.js';
import type { Deps } from '../../deps.js';
import { readAudit } from '../../domain/audit/read-audit.js';
import { eraseInvitation } from '../../domain/erasure/erase-invitation.js';
import { candidateExport } from '../../domain/privacy/candidate-export.js';
import { candidatePrivacy, recordConsent } from '../../domain/privacy/privacy-text.js';
import { NotFoundError } from '../../errors.js';
import {
  currentCandidateActor,
  currentInvitation,
  currentStaffActor,
  requireCandidate,
  requireStaff,
} from '../auth.js';
import { parseInput } from '../validate.js';

/**
 * Data rights and audit (../shared/API.md):
 *
 * - GET    /audit?invitationId=&actorId=&limit=&cursor=  admin → { items, nextCursor? }
 * - DELETE /invitations/:id          admin → 204: the candidate is erased
 * - POST   /candidate/erase          candidate { confirm: true } → 202, also after expiry
 * - GET    /candidate/export         candidate → JSON download of their data
 * - GET    /candidate/privacy        candidate → CandidatePrivacy (extension)
 * - POST   /candidate/consent        candidate { version } → CandidatePrivacy (extension)
 */
export function dataRightsRoutes(deps: Deps): Router {
  const router = Router();
  const admins = requireStaff(deps, 'admin');
  const candidate = requireCandidate(deps);

  router.get('/audit', admins, async (req, res) => {
    res.json(await readAudit(deps, parseInput(AuditQuery, req.query)));
  });

  router.delete('/invitations/:id', admins, async (req, res) => {
    const outcome = await eraseInvitation(deps, req.params.id as string, currentStaffActor(res));
    if (outcome === 'not_found') throw new NotFoundError('There is no such invitation.');
    res.status(204).end();
  });

  router.post('/candidate/erase', candidate, async (req, res) => {
    parseInput(EraseRequest, req.body);
    await eraseInvitation(deps, currentInvitation(res).id, currentCandidateActor(res));
    res.status(202).json({ status: 'erased' });
  });

  router.get('/candidate/export', candidate, async (_req, res) => {
    const data = await candidateExport(deps, currentInvitation(res));
    res
      .set('Cache-Control', 'no-store')
      .attachment('my-interview-data.json')
      .type('application/json')
      .send(JSON.stringify(data, null, 2));
  });

  router.get('/candidate/privacy', candidate, async (_req, res) => {
    res.json(await candidatePrivacy(deps, currentInvitation(res)));
  });

  router.post('/candidate/consent', candidate, async (req, res) => {
    const { version } = parseInput(ConsentRequest, req.body);
    res.json(await recordConsent(deps, currentInvitation(res), version));
  });

  return router;
}
