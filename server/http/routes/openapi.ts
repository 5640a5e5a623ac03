import { Router } from 'express';
import type { Deps } from '../../deps.js';
import { buildOpenApiDocument } from '../openapi/document.js';
import { renderReferencePage } from '../openapi/reference-page.js';

/**
 * `GET /openapi.json` (no auth): the OpenAPI 3.1 document, built once per process; and
 * `GET /reference` (extension): the same as a page for people.
 */
export function openApiRoutes(deps: Deps): Router {
  const router = Router();
  let document: Record<string, unknown> | undefined;
  let json: string | undefined;
  let page: string | undefined;
  const built = () => {
    document ??= buildOpenApiDocument(deps.config.publicUrl);
    return document;
  };
  router.get('/openapi.json', (_req, res) => {
    json ??= JSON.stringify(built());
    res.type('application/json').send(json);
  });
  router.get('/reference', (_req, res) => {
    page ??= renderReferencePage(built() as Parameters<typeof renderReferencePage>[0]);
    res.type('html').send(page);
  });
  return router;
}
