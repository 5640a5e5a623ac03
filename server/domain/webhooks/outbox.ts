import type { Kysely } from 'kysely';
import type { WebhookEvent, WebhookEventData } from '../../contracts/integrations.js';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { newId } from '../../ids.js';

/** What a use-case knows when something happens; the rest of the ids are looked up. */
export interface WebhookEventIds {
  interviewId?: string;
  invitationId?: string;
  answerId?: string;
  ratingId?: string;
  outcome?: 'advance' | 'hold' | 'decline';
}

/**
 * Records an event for every enabled endpoint that subscribed to it: one outbox row per
 * endpoint, whose id is the `webhook-id` of all its attempts. Pass the use-case's transaction
 * as `db` so the event exists if and only if what it announces does; the dispatcher (its own
 * lane, see dispatcher.ts) sends it after the commit. Never throws into the caller: an API
 * call never fails because of a webhook.
 */
export async function emitWebhookEvent(
  deps: Pick<Deps, 'db' | 'log' | 'webhooks'>,
  event: WebhookEvent,
  ids: WebhookEventIds | WebhookEventIds[],
  db: Kysely<Database> = deps.db,
): Promise<void> {
  try {
    const endpoints = (
      await db
        .selectFrom('webhookEndpoints')
        .select(['id', 'events'])
        .where('enabled', '=', 1)
        .execute()
    ).filter((e) => (JSON.parse(e.events) as string[]).includes(event));
    if (endpoints.length === 0) return;
    const at = new Date().toISOString();
    const rows = [];
    for (const one of Array.isArray(ids) ? ids : [ids]) {
      const data = await completeIds(db, one);
      if (!data) continue;
      const body = JSON.stringify({ type: event, timestamp: at, data });
      for (const endpoint of endpoints)
        rows.push({
          id: `msg_${newId()}`,
          endpointId: endpoint.id,
          event,
          body,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: at,
          claimedAt: null,
          deliveredAt: null,
          createdAt: at,
        });
    }
    // 10 values a row: well under SQLite's bound-variable limit.
    for (let i = 0; i < rows.length; i += INSERT_BATCH)
      await db
        .insertInto('webhookMessages')
        .values(rows.slice(i, i + INSERT_BATCH))
        .execute();
    if (rows.length > 0) deps.webhooks?.wake();
  } catch (err) {
    deps.log.error({ err, event }, 'webhook event not recorded');
  }
}

const INSERT_BATCH = 500;

/** Fills in the interview and invitation an answer or invitation belongs to; null if gone. */
async function completeIds(
  db: Kysely<Database>,
  ids: WebhookEventIds,
): Promise<WebhookEventData | null> {
  let { invitationId, interviewId } = ids;
  if (!invitationId && ids.answerId) {
    const answer = await db
      .selectFrom('answers')
      .select('invitationId')
      .where('id', '=', ids.answerId)
      .executeTakeFirst();
    invitationId = answer?.invitationId;
  }
  if (!invitationId) return null;
  if (!interviewId) {
    const invitation = await db
      .selectFrom('invitations')
      .select('interviewId')
      .where('id', '=', invitationId)
      .executeTakeFirst();
    interviewId = invitation?.interviewId;
  }
  if (!interviewId) return null;
  return {
    interviewId,
    invitationId,
    ...(ids.answerId ? { answerId: ids.answerId } : {}),
    ...(ids.ratingId ? { ratingId: ids.ratingId } : {}),
    ...(ids.outcome ? { outcome: ids.outcome } : {}),
  };
}
