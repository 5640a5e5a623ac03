import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { WEBHOOK_EVENTS, webhookPayloadSchema } from '../../contracts/integrations.js';
import { Problem } from '../../contracts/responses.js';
import type { Access, RouteDoc } from './route-doc.js';
import { candidateRouteDocs } from './routes-candidate.js';
import { fairnessRouteDocs } from './routes-fairness.js';
import { integrationRouteDocs } from './routes-integrations.js';
import { reviewRouteDocs } from './routes-review.js';
import { staffRouteDocs } from './routes-staff.js';

/** Every documented route of /api/v1. A test walks the router and fails on any missing here. */
export const ROUTE_DOCS: readonly RouteDoc[] = [
  ...staffRouteDocs,
  ...candidateRouteDocs,
  ...reviewRouteDocs,
  ...integrationRouteDocs,
  ...fairnessRouteDocs,
];

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  none: [],
  staff: [{ staffToken: [] }, { apiKey: [] }],
  organisers: [{ staffToken: [] }, { apiKey: [] }],
  admin: [{ staffToken: [] }],
  candidate: [{ candidateToken: [] }],
};

const ACCESS_NOTE: Record<Access, string> = {
  none: 'No authentication.',
  staff: 'Any staff token or API key.',
  organisers: 'Roles admin and recruiter (a recruiter API key too).',
  admin: 'Role admin.',
  candidate: "The candidate's link token.",
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid_request (with `errors`) or another code',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found (also for what the caller may not see)',
  409: 'A conflict; `code` says which',
  410: 'expired',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'not_eligible',
  429: 'rate_limited (with Retry-After)',
};

/** `/interviews/:id` → `/interviews/{id}`, and the names of its path parameters. */
export function openApiPath(expressPath: string): { path: string; params: string[] } {
  const params: string[] = [];
  const path = expressPath.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path, params };
}

function operation(route: RouteDoc, params: string[]): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const ok of [route.ok, ...(route.alsoOk ?? [])]) {
    const type: string = (ok as { contentType?: string }).contentType ?? 'application/json';
    responses[String(ok.status)] = {
      description: ok.description ?? 'Success',
      ...(ok.schema ? { content: { [type]: { schema: ok.schema } } } : {}),
    };
  }
  const errors = new Set<number>(route.errors ?? []);
  if (route.body || route.query || route.rawBody) errors.add(400);
  if (route.access !== 'none') errors.add(401);
  if (route.access === 'admin' || route.access === 'organisers') errors.add(403);
  if (params.length > 0 || route.access === 'candidate') errors.add(404);
  for (const status of [...errors].sort()) responses[String(status)] = problem(ERROR_TEXT[status]!);
  return {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ?? '').toUpperCase())}`,
    summary: route.summary,
    description: `${ACCESS_NOTE[route.access]}${route.extension ? ' An extension of the contract.' : ''}`,
    tags: [route.tag],
    security: SECURITY[route.access],
    ...(params.length > 0 || route.query
      ? {
          requestParams: {
            ...(params.length > 0
              ? { path: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) }
              : {}),
            ...(route.query ? { query: route.query } : {}),
          },
        }
      : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
      : route.rawBody
        ? {
            requestBody: {
              required: true,
              description: route.rawBody.description,
              content: { [route.rawBody.contentType]: { schema: z.any() } },
            },
          }
        : {}),
    responses,
  };
}

function webhookOperations() {
  return Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => [
      event,
      {
        post: {
          operationId: `webhook_${event.replace('.', '_')}`,
          summary: `${event} (Standard Webhooks 1.0)`,
          description:
            'Headers webhook-id (the same on every attempt), webhook-timestamp (Unix seconds), ' +
            'webhook-signature (v1, HMAC-SHA256 of id.timestamp.body keyed by the secret). ' +
            'A 2xx within 15 s delivers; otherwise retried after about 5 s, 5 min, 30 min, 2 h, ' +
            '5 h, 10 h, 10 h; 410 disables the endpoint.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: webhookPayloadSchema(event) } },
          },
          responses: { '200': { description: 'Any 2xx within 15 s delivers.' } },
        },
      },
    ]),
  );
}

/** The OpenAPI 3.1 document of API v1, built from the route registry and the contracts. */
export function buildOpenApiDocument(publicUrl: string): Record<string, unknown> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of ROUTE_DOCS) {
    const { path, params } = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route, params) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Video interviews API',
      version: '1',
      description:
        'HTTP API v1. Errors are RFC 9457 problem details. Machines authenticate with an API ' +
        'key (`Authorization: Bearer oik_…`) created by an admin at /api-keys.',
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    paths,
    webhooks: webhookOperations(),
    components: {
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A staff token from POST /auth/login.',
        },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key (`oik_…`) from POST /api-keys; acts as staff of its role.',
        },
        candidateToken: {
          type: 'http',
          scheme: 'bearer',
          description: "The secret in a candidate's invitation link.",
        },
      },
    },
  }) as unknown as Record<string, unknown>;
}
