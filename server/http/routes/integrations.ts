import { Router } from 'express';
import {
  CreateApiKeyRequest,
  CreateWebhookRequest,
  DeliveriesQuery,
  UpdateWebhookRequest,
} from '../../contracts/integrations.js';
import type { Deps } from '../../deps.js';
import type { AuditAction } from '../../domain/audit/audit-log.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../domain/integrations/api-keys.js';
import { listDeliveries, retryDelivery } from '../../domain/webhooks/deliveries.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  updateWebhookEndpoint,
} from '../../domain/webhooks/endpoints.js';
import { currentStaffActor, currentUser, requireStaff } from '../auth.js';
import { parseInput } from '../validate.js';

/**
 * Integrations (../shared/API.md, third release), all admin:
 *
 * - POST   /api-keys { name, role }  → 201 { id, name, role, key } (key shown once)
 * - GET    /api-keys                 → { items } (no key)
 * - DELETE /api-keys/:id             → 204, refused from the next request on
 * - POST   /webhooks { url, events } → 201 { id, url, events, enabled, secret } (secret shown once)
 * - GET    /webhooks, GET/PATCH/DELETE /webhooks/:id
 * - GET    /webhooks/:id/deliveries  → { items } (one per attempt, plus those waiting)
 * - POST   /webhooks/:id/deliveries/:deliveryId/retry → 202
 */
export function integrationRoutes(deps: Deps): Router {
  const router = Router();
  const admins = requireStaff(deps, 'admin');
  const audit = (res: Parameters<typeof currentUser>[0], action: AuditAction, id: string) =>
    void deps.audit.record({
      actor: currentStaffActor(res),
      action,
      target: { type: action.split('.')[0] as string, id },
    });

  router.post('/api-keys', admins, async (req, res) => {
    const input = parseInput(CreateApiKeyRequest, req.body);
    const created = await createApiKey(deps, input, currentUser(res).id);
    audit(res, 'api_key.created', created.id);
    res.status(201).json(created);
  });

  router.get('/api-keys', admins, async (_req, res) => {
    res.json({ items: await listApiKeys(deps) });
  });

  router.delete('/api-keys/:id', admins, async (req, res) => {
    await revokeApiKey(deps, req.params.id as string);
    audit(res, 'api_key.revoked', req.params.id as string);
    res.status(204).end();
  });

  router.post('/webhooks', admins, async (req, res) => {
    const created = await createWebhookEndpoint(deps, parseInput(CreateWebhookRequest, req.body));
    audit(res, 'webhook.created', created.id);
    res.status(201).json(created);
  });

  router.get('/webhooks', admins, async (_req, res) => {
    res.json({ items: await listWebhookEndpoints(deps) });
  });

  router.patch('/webhooks/:id', admins, async (req, res) => {
    const changes = parseInput(UpdateWebhookRequest, req.body);
    const updated = await updateWebhookEndpoint(deps, req.params.id as string, changes);
    audit(res, 'webhook.updated', updated.id);
    res.json(updated);
  });

  router.delete('/webhooks/:id', admins, async (req, res) => {
    await deleteWebhookEndpoint(deps, req.params.id as string);
    audit(res, 'webhook.deleted', req.params.id as string);
    res.status(204).end();
  });

  router.get('/webhooks/:id/deliveries', admins, async (req, res) => {
    const { limit } = parseInput(DeliveriesQuery, req.query);
    res.json({ items: await listDeliveries(deps, req.params.id as string, limit) });
  });

  router.post('/webhooks/:id/deliveries/:deliveryId/retry', admins, async (req, res) => {
    await retryDelivery(deps, req.params.id as string, req.params.deliveryId as string);
    res.status(202).json({ status: 'queued' });
  });

  return router;
}
