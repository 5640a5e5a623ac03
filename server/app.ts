import express, { type Express } from 'express';
import type { Store } from 'express-rate-limit';
import helmet from 'helmet';
import type { Deps } from './deps.js';
import { NotFoundError } from './errors.js';
import { openCors } from './http/cors.js';
import { problemHandler } from './http/problem.js';
import { requestLog } from './http/request-log.js';
import { candidateRoutes } from './http/routes/candidate.js';
import { healthRoute } from './http/routes/health.js';
import { interviewRoutes } from './http/routes/interviews.js';
import { mediaFilesRouter } from './http/routes/media-files.js';
import { pageRoutes } from './http/routes/pages.js';
import { reviewRoutes } from './http/routes/review.js';
import { staffRoutes } from './http/routes/staff.js';
import { structuredReviewRoutes } from './http/routes/structured-review.js';
import { workspaceRoutes } from './http/routes/workspace.js';

export interface AppOptions {
  /** Failed logins per address and email per 15 minutes. */
  maxLoginFailures?: number;
  /** Where failed-login counts live (Redis when several processes share the load). */
  rateLimitStore?: Store;
  /** Dependencies /health checks besides the database and storage, by name. */
  healthChecks?: Record<string, () => Promise<void>>;
}

/** The Express app, without listening: main.ts and the tests both build it. */
export function buildApp(deps: Deps, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.use(requestLog(deps.log));
  app.use(
    helmet({
      contentSecurityPolicy: { directives: cspDirectives(deps) },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use('/assets', openCors('GET, HEAD'));
  const api = express.Router();
  api.use('/candidate', openCors('GET, POST, PUT'));
  api.use(express.json({ limit: '1mb' }));
  api.get('/health', healthRoute(deps, options.healthChecks ?? {}));
  api.use(
    staffRoutes(deps, {
      maxLoginFailures: options.maxLoginFailures ?? 10,
      store: options.rateLimitStore,
    }),
  );
  api.use(interviewRoutes(deps));
  api.use(candidateRoutes(deps));
  api.use(reviewRoutes(deps));
  api.use(structuredReviewRoutes(deps));
  api.use(workspaceRoutes(deps));
  api.use(() => {
    throw new NotFoundError('There is no such endpoint.');
  });
  app.use('/api/v1', api);

  if (deps.storage.kind === 'local') app.use(mediaFilesRouter(deps.storage, deps.secrets.media));
  app.use(pageRoutes());
  app.use((_req, _res, next) => next(new NotFoundError('There is no such page.')));
  app.use(problemHandler(deps.log));
  return app;
}

/** helmet's strict defaults, plus the S3 origin for signed media links when S3 is used. */
function cspDirectives(deps: Deps): Record<string, string[] | null> {
  const mediaOrigins = ["'self'", 'blob:'];
  const endpoint = deps.config.s3?.endpoint;
  if (endpoint) mediaOrigins.push(new URL(endpoint).origin);
  else if (deps.config.s3) mediaOrigins.push('https://*.amazonaws.com');
  const directives: Record<string, string[] | null> = {
    'media-src': mediaOrigins,
    'img-src': [...mediaOrigins, 'data:'],
    'connect-src': ["'self'"],
  };
  // Upgrading would break a server reached over plain http on a LAN address.
  if (!deps.config.publicUrl.startsWith('https:')) directives['upgrade-insecure-requests'] = null;
  return directives;
}
