import { Router } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { ApplicationRequest } from '../../contracts/programmes.js';
import { textLanguageOf } from '../../contracts/translations.js';
import type { Deps } from '../../deps.js';
import { apply } from '../../domain/programmes/apply.js';
import { publicProgramme } from '../../domain/programmes/public-programme.js';
import { rateLimitedHandler } from '../rate-limited.js';
import { parseInput } from '../validate.js';

const APPLY_WINDOW_MS = 10 * 60 * 1000;
export const APPLICATIONS_PER_WINDOW = 10;

/** Application requests per client address, whatever their outcome: slows form spam and probing. */
function applicationRateLimit(store: Store | undefined) {
  return rateLimit({
    store,
    passOnStoreError: true,
    windowMs: APPLY_WINDOW_MS,
    limit: APPLICATIONS_PER_WINDOW,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: rateLimitedHandler(
      'Too many applications from this connection. Wait a few minutes and try again.',
    ),
  });
}

/**
 * The public programme endpoints (no auth), API.md "Programmes":
 * - GET  /public/programmes/:slug               → PublicProgramme; 404 unless enabled
 * - POST /public/programmes/:slug/applications  → 202 { status: "sent" } or, without email,
 *        201 { status: "created", url }; 422 not_eligible, 410 expired, 429 rate_limited
 */
export function publicProgrammeRoutes(deps: Deps, options: { store?: Store } = {}): Router {
  const router = Router();

  // Issue 21: `?language=fr` reads the organisers' texts in French where they wrote them.
  router.get('/public/programmes/:slug', async (req, res) => {
    const language = textLanguageOf(req.query.language);
    res
      .set('Cache-Control', 'no-store')
      .json(await publicProgramme(deps, req.params.slug as string, language));
  });

  router.post(
    '/public/programmes/:slug/applications',
    applicationRateLimit(options.store),
    async (req, res) => {
      const input = parseInput(ApplicationRequest, req.body);
      const result = await apply(deps, req.params.slug as string, input);
      res.status(result.status === 'sent' ? 202 : 201).json(result);
    },
  );

  return router;
}
