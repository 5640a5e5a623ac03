import express, { type Express } from 'express';
import type { Store } from 'express-rate-limit';
import helmet from 'helmet';
import type { Deps } from './deps.js';
import { MAX_CHUNK_BYTES } from './domain/takes/start-answer.js';
import { NotFoundError } from './errors.js';
import { noStore, refuseControlCharactersInPath } from './http/api-hygiene.js';
import { type BodyTimeouts, bodyTimeout } from './http/body-timeout.js';
import { openCors } from './http/cors.js';
import { DEFAULT_LOGIN_LIMITS, type LoginThrottleLimits } from './http/login-throttles.js';
import { problemHandler } from './http/problem.js';
import { requestLog } from './http/request-log.js';
import { bulkRoutes } from './http/routes/bulk.js';
import { calibrationRoutes } from './http/routes/calibration.js';
import { candidateRoutes } from './http/routes/candidate.js';
import { dataRightsRoutes } from './http/routes/data-rights.js';
import { fairnessRoutes } from './http/routes/fairness.js';
import { healthRoute } from './http/routes/health.js';
import { integrationRoutes } from './http/routes/integrations.js';
import { interviewRoutes } from './http/routes/interviews.js';
import { mediaFilesRouter } from './http/routes/media-files.js';
import { memberRoutes } from './http/routes/members.js';
import { openApiRoutes } from './http/routes/openapi.js';
import { pageRoutes } from './http/routes/pages.js';
import { programmeRoutes } from './http/routes/programme-staff.js';
import { publicProgrammeRoutes } from './http/routes/programmes.js';
import { structuredReviewRoutes } from './http/routes/results.js';
import { reviewRoutes } from './http/routes/review.js';
import { shareRoutes } from './http/routes/shares.js';
import { staffRoutes } from './http/routes/staff.js';
import { workspaceRoutes } from './http/routes/workspace.js';

export interface AppOptions {
  /** Failed logins per address and email per 15 minutes. */
  maxLoginFailures?: number;
  /** Failed logins per address across emails, and per account across addresses (issue 8). */
  loginLimits?: Partial<Omit<LoginThrottleLimits, 'perAddressAndEmail'>>;
  /** Where failed-login counts live, one store per limiter name (Redis in the cluster). */
  rateLimitStores?: (name: string) => Store;
  /** How long request bodies may take to arrive (issue 8); defaults from the config. */
  bodyTimeouts?: Partial<BodyTimeouts>;
  /** Where application counts per address live (Redis when several processes serve). */
  applyRateLimitStore?: Store;
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
  api.use(noStore);
  api.use(refuseControlCharactersInPath);
  api.use(
    bodyTimeout(
      {
        jsonMs: deps.config.jsonBodyTimeoutSeconds * 1000,
        uploadMinBytesPerSecond: deps.config.uploadMinBytesPerSecond,
        uploadMaxBytes: MAX_CHUNK_BYTES,
        ...options.bodyTimeouts,
      },
      deps.log,
    ),
  );
  api.use('/candidate', openCors('GET, POST, PUT'));
  api.use(express.json({ limit: '1mb' }));
  api.get('/health', healthRoute(deps, options.healthChecks ?? {}));
  api.use(
    staffRoutes(deps, {
      limits: {
        ...DEFAULT_LOGIN_LIMITS,
        ...options.loginLimits,
        perAddressAndEmail: options.maxLoginFailures ?? DEFAULT_LOGIN_LIMITS.perAddressAndEmail,
      },
      storeFor: options.rateLimitStores,
    }),
  );
  api.use(interviewRoutes(deps));
  api.use(dataRightsRoutes(deps)); // before candidateRoutes, which guards all of /candidate
  api.use(fairnessRoutes(deps)); // the same
  api.use(calibrationRoutes(deps));
  api.use(candidateRoutes(deps));
  api.use(reviewRoutes(deps));
  api.use(bulkRoutes(deps)); // before the /invitations/:id/… routes
  api.use(structuredReviewRoutes(deps));
  api.use(workspaceRoutes(deps));
  api.use(memberRoutes(deps));
  api.use(shareRoutes(deps));
  api.use(integrationRoutes(deps));
  api.use(openApiRoutes(deps));
  api.use(
    publicProgrammeRoutes(deps, { store: options.applyRateLimitStore }),
    programmeRoutes(deps),
  );
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
