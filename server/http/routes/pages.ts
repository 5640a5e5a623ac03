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
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/page.css">
<script type="module" src="/assets/${script}.js"></script>
</head>
<body>
${element}
<noscript>This page needs JavaScript to record and upload your answers.</noscript>
</body>
</html>`;
}

/**
 * The site icon: a play mark in a rounded square, small enough to inline. Browsers ask for
 * /favicon.ico on their own, whatever the page links, so both addresses answer the same SVG
 * (every current browser accepts an SVG there) instead of a 404 in the console.
 */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#1a1a2e"/>
<path d="M12 9.5v13l10.5-6.5z" fill="#ffffff"/>
</svg>
`;

function sendFavicon(_req: express.Request, res: express.Response): void {
  res.set('Cache-Control', 'public, max-age=86400').type('image/svg+xml').send(FAVICON_SVG);
}

/** The candidate page at /i/<token> and the staff workspace at /. */
export function pageRoutes(): Router {
  const router = Router();
  if (existsSync(WEB_DIST)) {
    router.use('/assets', express.static(WEB_DIST, { fallthrough: false, maxAge: '1h' }));
  }
  router.get(['/favicon.svg', '/favicon.ico'], sendFavicon);
  router.get('/i/:token', (_req, res) => {
    // The token is in the path: never cache the page, never leak it in a Referer.
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(page('Your interview', '<candidate-page></candidate-page>'));
  });
  router.get('/apply/:slug', (_req, res) => {
    res.type('html').send(page('Apply', '<apply-page></apply-page>', 'apply'));
  });
  router.get('/', (_req, res) => {
    res.type('html').send(page('Interviews', '<staff-home></staff-home>'));
  });
  return router;
}
