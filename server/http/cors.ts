import type { NextFunction, Request, Response } from 'express';

/**
 * The candidate API and the built components may be used from any site that embeds the
 * recorder. That is safe because the candidate API authenticates with a bearer token the
 * embedding page must hold, never with cookies (no credentials are allowed here).
 */
export function openCors(methods: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', methods);
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Chunk-SHA256');
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
