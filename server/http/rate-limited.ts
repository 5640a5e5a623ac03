import type { NextFunction, Request, Response } from 'express';
import { RateLimitedError } from '../errors.js';

/**
 * The `handler` for an express-rate-limit limiter: a problem+json 429 with the sentence given
 * and a Retry-After of the seconds left in the caller's window.
 */
export function rateLimitedHandler(message: string) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
    const seconds = resetTime
      ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000))
      : 60;
    next(new RateLimitedError(message, seconds));
  };
}
