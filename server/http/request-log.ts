import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** First path segments after which comes a bearer token: candidate links, share links. */
const TOKEN_PAGES = new Set(['i', 's']);

/**
 * Paths as they may be logged: the token in `/i/<token>` (and a share's `/s/<token>`) is a
 * password in all but name, and routing ignores case, so `/I/…`, `/%49/…` and `//i/…` are
 * redacted alike; query strings (signed media links) are dropped whole.
 */
export function loggablePath(url: string): string {
  const pathOnly = url.split('?')[0] ?? '';
  const segments = pathOnly.split('/');
  const first = segments.findIndex((segment) => segment !== '');
  if (first === -1 || first === segments.length - 1) return pathOnly;
  let name: string;
  try {
    name = decodeURIComponent(segments[first]!).toLowerCase();
  } catch {
    name = segments[first]!.toLowerCase();
  }
  if (!TOKEN_PAGES.has(name)) return pathOnly;
  return `/${name}/[token]`;
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
