import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * Paths as they may be logged: the candidate token in `/i/<token>` is a password in all but
 * name, and query strings (signed media links) are dropped whole.
 */
export function loggablePath(url: string): string {
  const pathOnly = url.split('?')[0] ?? '';
  return pathOnly.replace(/^\/([is])\/[^/]+/i, '/$1/[token]');
}

export function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : 'info';
      log[level](
        {
          method: req.method,
          path: loggablePath(req.originalUrl),
          status: res.statusCode,
          ms: Math.round(ms),
        },
        'request',
      );
    });
    next();
  };
}
