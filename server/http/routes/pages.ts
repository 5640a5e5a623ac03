import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../../project-root.js';

/** Built browser assets (npm run build:web). */
export const WEB_DIST = path.join(projectRoot(), 'dist/web');

function page(title: string, element: string, script = 'app'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/assets/page.css">
<script type="module" src="/assets/${script}.js"></script>
</head>
<body>
${element}
<noscript>This page needs JavaScript to record and upload your answers.</noscript>
</body>
</html>`;
}

/** The candidate page at /i/<token> and the staff workspace at /. */
export function pageRoutes(): Router {
  const router = Router();
  if (existsSync(WEB_DIST)) {
    router.use('/assets', express.static(WEB_DIST, { fallthrough: false, maxAge: '1h' }));
  }
  router.get('/i/:token', (_req, res) => {
    // The token is in the path: never cache the page, never leak it in a Referer.
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(page('Your interview', '<candidate-page></candidate-page>'));
  });
  // The hiring manager's page (issue 19): the share token is in the path, like /i/<token>.
  router.get('/s/:token', (_req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(page('Candidate review', '<guest-page></guest-page>', 'guest'));
  });
  router.get('/apply/:slug', (_req, res) => {
    res.type('html').send(page('Apply', '<apply-page></apply-page>', 'apply'));
  });
  router.get('/', (_req, res) => {
    res.type('html').send(page('Interviews', '<staff-home></staff-home>'));
  });
  return router;
}
