import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Express } from 'express';
import { buildApp } from '../../server/app.js';
import { openApiPath, ROUTE_DOCS } from '../../server/http/openapi/document.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  matchers?: ((path: string) => unknown)[];
}

/** Every method + path the router under /api/v1 answers, found by walking Express's stacks. */
function apiRoutes(app: Express): string[] {
  const top = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  // The API router is the one mounted at /api/v1 (its matcher accepts that prefix).
  const api = top.find(
    (layer) =>
      layer.handle?.stack && layer.matchers?.some((match) => match('/api/v1/health') !== false),
  );
  assert.ok(api?.handle?.stack, 'found the /api/v1 router');
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of [layer.route.path].flat())
          for (const [method, on] of Object.entries(layer.route.methods))
            if (on && method !== '_all') found.push(`${method.toUpperCase()} ${path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(api.handle.stack);
  return [...new Set(found)].sort();
}

describe('GET /api/v1/openapi.json', function () {
  this.timeout(60_000);
  let server: TestServer;
  let document: any;

  before(async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    assert.equal(res.status, 200, 'no authentication needed');
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    document = await res.json();
  });
  after(() => server?.stop());

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2)?.slice(0, 3000));
    assert.equal(validator.version, '3.1');
    assert.equal(document.servers[0].url, `${server.url}/api/v1`);
  });

  it('documents every route the server answers under /api/v1', () => {
    const routes = apiRoutes(buildApp(server.deps));
    assert.ok(routes.length > 40, `walked the router: ${routes.length} routes`);
    const missing = routes.filter((route) => {
      const [method, path] = route.split(' ') as [string, string];
      return !document.paths[openApiPath(path).path]?.[method.toLowerCase()];
    });
    assert.deepEqual(
      missing,
      [],
      'routes missing from /openapi.json (add them to server/http/openapi/)',
    );
    // …and documents nothing the server does not answer.
    assert.equal(ROUTE_DOCS.length, routes.length, 'one entry per route');
  });

  it('has request and response schemas, security schemes, and the webhook events', () => {
    const create = document.paths['/interviews'].post;
    assert.ok(create.requestBody.content['application/json'].schema);
    assert.ok(create.responses['201'].content['application/json'].schema);
    assert.deepEqual(Object.keys(document.components.securitySchemes).sort(), [
      'apiKey',
      'candidateToken',
      'staffToken',
    ]);
    assert.deepEqual(document.paths['/candidate/session'].get.security, [{ candidateToken: [] }]);
    assert.deepEqual(document.paths['/health'].get.security, []);
    assert.deepEqual(Object.keys(document.webhooks).sort(), [
      'answer.failed',
      'answer.ready',
      'candidate.erased',
      'decision.saved',
      'feedback.released',
      'invitation.completed',
      'invitation.created',
      'invitation.started',
      'rating.saved',
    ]);
    const ready = document.webhooks['answer.ready'].post.requestBody.content['application/json'];
    assert.ok(ready.schema, 'each event has its payload schema');
  });

  it('is also a page for people, served by the product itself', async () => {
    const res = await fetch(`${server.url}/api/v1/reference`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    assert.match(html, /<code>\/webhooks\/\{id\}\/deliveries<\/code>/);
    assert.match(html, /invitation\.completed/);
    assert.doesNotMatch(
      html,
      /<script|https?:\/\/(?!127\.0\.0\.1)/,
      'no script, nothing from elsewhere',
    );
  });
});
