/**
 * Contracts of "Integrations: OpenAPI, API keys, webhooks" (../shared/API.md, third release):
 * request schemas the routes validate with and response schemas the OpenAPI document shows.
 * No Node imports (bundled for browsers too).
 */
import { z } from 'zod';
import { refuseControls, safeText } from './safe-text.js';

export const API_KEY_ROLES = ['recruiter', 'reviewer'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export const CreateApiKeyRequest = z.object({
  name: safeText({ min: 1, max: 200 }),
  role: z.enum(API_KEY_ROLES, { message: `must be one of ${API_KEY_ROLES.join(', ')}` }),
});

export const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(API_KEY_ROLES),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKey>;

/** The create answer: the only time the key exists in clear. */
export const CreatedApiKey = ApiKey.extend({
  key: z.string().meta({ description: '`oik_` + 256 random bits; shown only this once.' }),
}).meta({ id: 'CreatedApiKey' });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const WEBHOOK_EVENTS = [
  'invitation.created',
  'invitation.started',
  'invitation.completed',
  'answer.ready',
  'answer.failed',
  'rating.saved',
  'decision.saved',
  'feedback.released',
  'candidate.erased',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const WebhookUrl = refuseControls(z.string().trim().max(2000)).pipe(
  z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }),
);
const WebhookEvents = z
  .array(z.enum(WEBHOOK_EVENTS, { message: `must be one of ${WEBHOOK_EVENTS.join(', ')}` }))
  .min(1, 'must name at least one event')
  .max(WEBHOOK_EVENTS.length)
  .transform((events) => [...new Set(events)]);

export const CreateWebhookRequest = z.object({ url: WebhookUrl, events: WebhookEvents });
export const UpdateWebhookRequest = z.object({
  url: WebhookUrl.optional(),
  events: WebhookEvents.optional(),
  enabled: z.boolean({ message: 'must be true or false' }).optional(),
});

export const WebhookEndpoint = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    enabled: z.boolean(),
    /** Extension: why the server turned it off (`gone`: the receiver answered 410). */
    disabledReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const CreatedWebhookEndpoint = WebhookEndpoint.extend({
  secret: z.string().meta({ description: '`whsec_` + base64 of 24 random bytes; shown once.' }),
}).meta({ id: 'CreatedWebhookEndpoint' });
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpoint>;

export const WebhookDelivery = z
  .object({
    id: z.string(),
    messageId: z.string().meta({ description: 'The `webhook-id` header of every attempt.' }),
    event: z.enum(WEBHOOK_EVENTS),
    attempt: z.number().int(),
    status: z.enum(['pending', 'delivered', 'failed']),
    responseStatus: z.number().int().nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const DeliveriesQuery = z.object({
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
});

/** What every event carries: ids only, never names, emails or self-identification. */
export const WebhookEventData = z
  .object({
    interviewId: z.string(),
    invitationId: z.string(),
    answerId: z.string().optional(),
    ratingId: z.string().optional(),
    outcome: z.enum(['advance', 'hold', 'decline']).optional(),
  })
  .meta({ id: 'WebhookEventData' });
export type WebhookEventData = z.infer<typeof WebhookEventData>;

/** The body of a delivery (Standard Webhooks 1.0). */
export function webhookPayloadSchema(event: WebhookEvent) {
  return z.object({
    type: z.literal(event),
    timestamp: z.iso.datetime(),
    data: WebhookEventData,
  });
}
