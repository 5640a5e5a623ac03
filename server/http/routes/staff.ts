import { Router } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { signStaffToken } from '../../auth/staff-tokens.js';
import { CreateUserRequest, LoginRequest } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { staffActor } from '../../domain/audit/audit-log.js';
import { auditFailedLogin } from '../../domain/audit/record-helpers.js';
import { authenticate, createUser } from '../../domain/users.js';
import { currentUser, requireStaff } from '../auth.js';
import { rateLimitedHandler } from '../rate-limited.js';
import { parseInput } from '../validate.js';

const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** Failed logins per address and email: slows password guessing without locking anyone out for long. */
function loginRateLimit(maxFailures: number, store: Store | undefined) {
  return rateLimit({
    store,
    // If the shared store (Redis) is down, sign-in stays possible; scrypt still slows guessing.
    passOnStoreError: true,
    windowMs: LOGIN_WINDOW_MS,
    limit: maxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${email}`;
    },
    handler: rateLimitedHandler('Too many failed sign-in attempts. Wait a while and try again.'),
  });
}

export function staffRoutes(
  deps: Deps,
  options: { maxLoginFailures: number; store?: Store },
): Router {
  const router = Router();

  router.post(
    '/auth/login',
    loginRateLimit(options.maxLoginFailures, options.store),
    async (req, res) => {
      const { email, password } = parseInput(LoginRequest, req.body);
      const user = await authenticate(deps.db, email, password).catch(
        auditFailedLogin(deps, email),
      );
      deps.log.info({ userId: user.id }, 'staff signed in');
      res.json({ token: signStaffToken(user.id, deps.secrets.jwt), user });
    },
  );

  router.get('/me', requireStaff(deps), (_req, res) => {
    res.json(currentUser(res));
  });

  router.post('/users', requireStaff(deps, 'admin'), async (req, res) => {
    const input = parseInput(CreateUserRequest, req.body);
    const user = await createUser(deps.db, input, deps.now());
    deps.log.info({ userId: user.id, role: user.role, by: currentUser(res).id }, 'user created');
    await deps.audit.record({
      actor: staffActor(currentUser(res)),
      action: 'user.created',
      target: { type: 'user', id: user.id },
    });
    res.status(201).json(user);
  });

  return router;
}
