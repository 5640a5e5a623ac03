import { Router } from 'express';
import type { Store } from 'express-rate-limit';
import { ChangePasswordRequest, CreateUserRequest, LoginRequest } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { changeOwnPassword } from '../../domain/staff/change-password.js';
import { resetPassword } from '../../domain/staff/reset-password.js';
import { issueStaffToken, signOut } from '../../domain/staff/staff-session.js';
import { authenticate, createUser, invalidCredentials } from '../../domain/staff/users.js';
import {
  currentStaffActor,
  currentStaffSession,
  currentUser,
  requireSignedIn,
  requireStaff,
} from '../auth.js';
import { type LoginThrottleLimits, loginThrottles } from '../login-throttles.js';
import { parseInput } from '../validate.js';

/**
 * Sign-in and accounts:
 *
 * - POST /auth/login        { email, password } → { token, user, mustChangePassword? }
 * - POST /auth/logout       (any staff token) → 204; that token stops working everywhere
 * - GET  /me                → User, with `mustChangePassword: true` after an admin reset
 * - POST /me/password       { currentPassword, newPassword } → { token, user }; every other
 *                           token of the user stops working
 * - GET  /installation      (any staff) → { emailEnabled }: what the installation can do, so
 *                           screens promise no email when there is no mail server (issue 21)
 * - POST /users             (admin) → 201 User; 400 when the password is easy to guess. The
 *                           password is temporary: to be changed at first sign-in (issue 21)
 * - POST /users/:id/password-reset (admin) → { password }: one-time, to be changed at sign-in
 */
export function staffRoutes(
  deps: Deps,
  options: { limits: LoginThrottleLimits; storeFor?: (name: string) => Store },
): Router {
  const router = Router();
  const signedIn = requireSignedIn(deps);
  const throttles = loginThrottles(options.limits, deps.log, options.storeFor);

  router.post('/auth/login', ...throttles.handlers, async (req, res) => {
    const { email, password } = parseInput(LoginRequest, req.body);
    const result = await authenticate(deps.db, email, password);
    if (!result.ok) {
      // A security event with the client address; never the password, nor the email typed
      // (people type passwords into it): the user id says which account, if any.
      deps.log.warn({ event: 'login.failed', ip: req.ip, userId: result.userId }, 'failed sign-in');
      void deps.audit.record({
        actor: { type: 'staff', id: result.userId ?? null },
        action: 'login.failed',
        target: { type: 'user', id: result.userId ?? null },
      });
      throw invalidCredentials();
    }
    const { user, tokenVersion, mustChangePassword } = result;
    deps.log.info({ userId: user.id, ip: req.ip }, 'staff signed in');
    res.json({
      token: issueStaffToken(deps, user.id, tokenVersion),
      user,
      ...(mustChangePassword ? { mustChangePassword: true } : {}),
    });
  });

  router.post('/auth/logout', signedIn, async (_req, res) => {
    const session = currentStaffSession(res);
    await signOut(deps, session);
    deps.log.info({ userId: session.user.id }, 'staff signed out');
    res.status(204).end();
  });

  router.get('/installation', signedIn, (_req, res) => {
    res.json({ emailEnabled: deps.config.email !== null });
  });

  router.get('/me', signedIn, (_req, res) => {
    const session = currentStaffSession(res);
    res.json({
      ...session.user,
      ...(session.mustChangePassword ? { mustChangePassword: true } : {}),
    });
  });

  router.post('/me/password', signedIn, async (req, res) => {
    const input = parseInput(ChangePasswordRequest, req.body);
    const result = await changeOwnPassword(deps, currentUser(res), input);
    deps.log.info({ userId: result.user.id }, 'password changed');
    res.json(result);
  });

  router.post('/users', requireStaff(deps, 'admin'), async (req, res) => {
    const input = parseInput(CreateUserRequest, req.body);
    const user = await createUser(deps.db, input, deps.now(), {
      temporaryPassword: true,
      audited: { audit: deps.audit, by: currentStaffActor(res) },
    });
    deps.log.info({ userId: user.id, role: user.role, by: currentUser(res).id }, 'user created');
    res.status(201).json(user);
  });

  router.post('/users/:id/password-reset', requireStaff(deps, 'admin'), async (req, res) => {
    const userId = req.params.id as string;
    const { email, ...result } = await resetPassword(deps, currentStaffActor(res), userId);
    // The owner signs in with the new password at once, whatever was guessed before.
    await throttles.forgetAccount(email);
    deps.log.info({ userId, by: currentUser(res).id }, 'password reset by an admin');
    res.json(result);
  });

  return router;
}
