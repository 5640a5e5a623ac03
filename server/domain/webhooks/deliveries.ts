import type { WebhookDelivery, WebhookEvent } from '../../contracts/integrations.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import { getWebhookEndpoint } from './endpoints.js';

/**
 * `GET /webhooks/:id/deliveries`: one item per attempt made, newest first, preceded by one
 * `pending` item for each message waiting for its next attempt (its id is the message id).
 */
export async function listDeliveries(
  deps: Deps,
  endpointId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  await getWebhookEndpoint(deps, endpointId);
  const waiting = await deps.db
    .selectFrom('webhookMessages')
    .select(['id', 'event', 'attempts', 'status', 'nextAttemptAt'])
    .where('endpointId', '=', endpointId)
    .where('status', 'in', ['pending', 'sending'])
    .orderBy('nextAttemptAt', 'desc')
    .limit(limit)
    .execute();
  const attempts = await deps.db
    .selectFrom('webhookAttempts')
    .innerJoin('webhookMessages', 'webhookMessages.id', 'webhookAttempts.messageId')
    .select([
      'webhookAttempts.id',
      'webhookAttempts.messageId',
      'webhookMessages.event',
      'webhookAttempts.attempt',
      'webhookAttempts.status',
      'webhookAttempts.responseStatus',
      'webhookAttempts.at',
    ])
    .where('webhookAttempts.endpointId', '=', endpointId)
    .orderBy('webhookAttempts.at', 'desc')
    .orderBy('webhookAttempts.attempt', 'desc')
    .limit(limit)
    .execute();
  const pending: WebhookDelivery[] = waiting.map((m) => ({
    id: m.id,
    messageId: m.id,
    event: m.event as WebhookEvent,
    attempt: m.status === 'sending' ? m.attempts : m.attempts + 1,
    status: 'pending',
    responseStatus: null,
    at: m.nextAttemptAt,
  }));
  const made: WebhookDelivery[] = attempts.map((a) => ({
    ...a,
    event: a.event as WebhookEvent,
    responseStatus: a.responseStatus === null ? null : Number(a.responseStatus),
  }));
  return [...pending, ...made].slice(0, limit);
}

/**
 * `POST /webhooks/:id/deliveries/:deliveryId/retry`: the message (found by an attempt's id or
 * its own) is sent again now, with the same `webhook-id`. A message failed for good gets one
 * more try; one in flight right now is left alone.
 */
export async function retryDelivery(
  deps: Deps,
  endpointId: string,
  deliveryId: string,
): Promise<void> {
  await getWebhookEndpoint(deps, endpointId);
  const viaAttempt = await deps.db
    .selectFrom('webhookAttempts')
    .select('messageId')
    .where('id', '=', deliveryId)
    .where('endpointId', '=', endpointId)
    .executeTakeFirst();
  const messageId = viaAttempt?.messageId ?? deliveryId;
  const message = await deps.db
    .selectFrom('webhookMessages')
    .select(['id', 'status'])
    .where('id', '=', messageId)
    .where('endpointId', '=', endpointId)
    .executeTakeFirst();
  if (!message) throw new NotFoundError('There is no such delivery.');
  await deps.db
    .updateTable('webhookMessages')
    .set({ status: 'pending', nextAttemptAt: new Date().toISOString(), claimedAt: null })
    .where('id', '=', messageId)
    .where('status', '!=', 'sending')
    .execute();
  deps.webhooks?.wake();
}
