import type { Handler, Request } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { rateLimitedHandler } from './rate-limited.js';

export interface LoginThrottleLimits {
  /** Failed sign-ins per address and email per 15 minutes (a person mistyping). */
  perAddressAndEmail: number;
  /** Failed sign-ins per address, whatever the email, per 15 minutes (one guesser, many accounts). */
  perAddress: number;
  /** Failed sign-ins per account, whatever the address, per day (NIST SP 800-63B: at most 100). */
  perAccount: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = {
  perAddressAndEmail: 10,
  perAddress: 50,
  perAccount: 100,
};

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function emailOf(req: Request): string {
  return typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
}

/**
 * The sign-in throttles, checked before any password is hashed so that a refused attempt costs
 * nothing. Only failures count (a success gives its count back). `storeFor(name)` gives each
 * its own counters in Redis when several processes share the load, so a guesser gains nothing
 * by spreading attempts over them; without it each process counts in memory.
 */
export interface LoginThrottles {
  handlers: Handler[];
  /** An admin reset the account's password: its failures so far no longer lock it out. */
  forgetAccount(email: string): Promise<void>;
}

export function loginThrottles(
  limits: LoginThrottleLimits,
  log: Logger,
  storeFor?: (name: string) => Store,
): LoginThrottles {
  const throttle = (
    name: string,
    limit: number,
    windowMs: number,
    key: (req: Request) => string,
    message: string,
  ) => {
    const refuse = rateLimitedHandler(message);
    return rateLimit({
      store: storeFor?.(name),
      // If the shared store (Redis) is down, sign-in stays possible; the hashing gate and
      // scrypt still bound and slow guessing.
      passOnStoreError: true,
      windowMs,
      limit,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: key,
      handler: (req, res, next) => {
        // A security event: who (address) hit which limit; the email is left out (people type
        // passwords into it), and the password is never logged.
        log.warn({ event: 'login.throttled', limit: name, ip: req.ip }, 'sign-in throttled');
        refuse(req, res, next);
      },
    });
  };
  const address = (req: Request) => ipKeyGenerator(req.ip ?? '');
  const accountKey = (email: string) => `account|${email.trim().toLowerCase()}`;
  const perAccount = throttle(
    'login-account',
    limits.perAccount,
    DAY_MS,
    (req) => accountKey(emailOf(req)),
    'This account had too many failed sign-in attempts today. Try again later or ask an admin to reset your password.',
  );
  const handlers = [
    perAccount,
    throttle(
      'login-address',
      limits.perAddress,
      QUARTER_HOUR_MS,
      address,
      'Too many failed sign-in attempts from your network. Wait a while and try again.',
    ),
    // The original per address-and-email limit keeps its Redis prefix ("login").
    throttle(
      'login',
      limits.perAddressAndEmail,
      QUARTER_HOUR_MS,
      (req) => `${address(req)}|${emailOf(req)}`,
      'Too many failed sign-in attempts. Wait a while and try again.',
    ),
  ];
  return {
    handlers,
    // The per-address limits stay: they are about a guesser's network, not the account.
    forgetAccount: async (email) => {
      await perAccount.resetKey(accountKey(email));
    },
  };
}
