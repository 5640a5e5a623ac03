import { Router } from 'express';
import type { Deps } from '../../deps.js';
import { buildOpenApiDocument } from '../openapi/document.js';

/** `GET /openapi.json` (no auth): the OpenAPI 3.1 document, built once per process. */
export function openApiRoutes(deps: Deps): Router {
  const router = Router();
  let document: string | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= JSON.stringify(buildOpenApiDocument(deps.config.publicUrl));
    res.type('application/json').send(document);
  });
  return router;
}
