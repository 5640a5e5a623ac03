import type { NextFunction, Request, Response } from 'express';
import { unsafeTextReason } from '../contracts/safe-text.js';
import { InputError, NotFoundError } from '../errors.js';

/**
 * `Cache-Control: no-store` on every API answer: they carry candidate data and tokens, which a
 * shared computer's browser cache or a proxy must never keep. Set first, so that errors and
 * 404s carry it too.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}

/**
 * A path or query with a control character (`/interviews/%00`) names nothing: 404 before it reaches a
 * query, where PostgreSQL would refuse the NUL with an error.
 */
export function refuseControlCharactersInPath(
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    throw new NotFoundError('There is no such endpoint.');
  }
  if (unsafeTextReason(path)) throw new NotFoundError('There is no such endpoint.');
  for (const [name, value] of Object.entries(req.query)) {
    const reason = [value].flat().some((v) => typeof v === 'string' && unsafeTextReason(v));
    if (reason) {
      throw new InputError(`The query parameter ${name} contains a control character.`, [
        { path: name, message: 'contains a control character' },
      ]);
    }
  }
  next();
}
