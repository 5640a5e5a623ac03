import { randomBytes } from 'node:crypto';
import type {
  CreatedWebhookEndpoint,
  WebhookEndpoint,
  WebhookEvent,
} from '../../contracts/integrations.js';
import type { WebhookEndpointsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { BadRequestError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { assertPublicUrl, RefusedAddressError } from './address-guard.js';

/** Most endpoints one installation holds: each event is written once per endpoint. */
const MAX_ENDPOINTS = 50;

function view(row: WebhookEndpointsTable): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEvent[],
    enabled: row.enabled === 1,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt,
  };
}

/** 400 `url_refused` for a host that is not a public address (SSRF), or that does not resolve. */
async function assertAllowedUrl(deps: Deps, url: string): Promise<void> {
  try {
    await assertPublicUrl(url, deps.config.webhookAllowPrivate);
  } catch (err) {
    if (err instanceof RefusedAddressError)
      throw new BadRequestError('url_refused', 'The URL must resolve to a public address.');
    throw new BadRequestError('url_refused', 'The URL’s host name does not resolve.');
  }
}

export async function createWebhookEndpoint(
  deps: Deps,
  input: { url: string; events: WebhookEvent[] },
): Promise<CreatedWebhookEndpoint> {
  await assertAllowedUrl(deps, input.url);
  const count = await deps.db
    .selectFrom('webhookEndpoints')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_ENDPOINTS)
    throw new BadRequestError('too_many_webhooks', `At most ${MAX_ENDPOINTS} webhooks.`);
  const at = new Date().toISOString();
  const row: WebhookEndpointsTable = {
    id: newId(),
    url: input.url,
    events: JSON.stringify(input.events),
    enabled: 1,
    // Standard Webhooks: whsec_ + base64 of the key bytes (24 here, 192 bits).
    secret: `whsec_${randomBytes(24).toString('base64')}`,
    disabledReason: null,
    createdAt: at,
    updatedAt: at,
  };
  await deps.db.insertInto('webhookEndpoints').values(row).execute();
  return { ...view(row), secret: row.secret };
}

export async function listWebhookEndpoints(deps: Deps): Promise<WebhookEndpoint[]> {
  const rows = await deps.db
    .selectFrom('webhookEndpoints')
    .selectAll()
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(view);
}

async function endpointRow(deps: Deps, id: string): Promise<WebhookEndpointsTable> {
  const row = await deps.db
    .selectFrom('webhookEndpoints')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such webhook.');
  return row;
}

export async function getWebhookEndpoint(deps: Deps, id: string): Promise<WebhookEndpoint> {
  return view(await endpointRow(deps, id));
}

export async function updateWebhookEndpoint(
  deps: Deps,
  id: string,
  changes: { url?: string; events?: WebhookEvent[]; enabled?: boolean },
): Promise<WebhookEndpoint> {
  await endpointRow(deps, id);
  if (changes.url !== undefined) await assertAllowedUrl(deps, changes.url);
  await deps.db
    .updateTable('webhookEndpoints')
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.events !== undefined ? { events: JSON.stringify(changes.events) } : {}),
      ...(changes.enabled !== undefined
        ? { enabled: changes.enabled ? 1 : 0, disabledReason: changes.enabled ? null : 'admin' }
        : {}),
      updatedAt: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
  if (changes.enabled) deps.webhooks?.wake();
  return getWebhookEndpoint(deps, id);
}

/** The endpoint and its outbox go together: nothing more is sent to it. */
export async function deleteWebhookEndpoint(deps: Deps, id: string): Promise<void> {
  await endpointRow(deps, id);
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('webhookAttempts').where('endpointId', '=', id).execute();
    await trx.deleteFrom('webhookMessages').where('endpointId', '=', id).execute();
    await trx.deleteFrom('webhookEndpoints').where('id', '=', id).execute();
  });
}
