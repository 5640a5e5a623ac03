import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { sendProblem } from './problem.js';

export interface BodyTimeouts {
  /** A JSON (or any non-upload) body must have arrived whole within this. */
  jsonMs: number;
  /**
   * Uploads (multipart chunks, raw bytes) get 10 s plus their declared length at this rate,
   * at most `uploadMaxBytes` worth: a slow phone on a poor network still gets through; a
   * body that trickles in to hold a connection and its storage stream does not.
   */
  uploadMinBytesPerSecond: number;
  /** The largest upload a route accepts (the chunk limit), which caps an upload's time. */
  uploadMaxBytes: number;
}

const UPLOAD_GRACE_MS = 10_000;

function isUpload(req: Request): boolean {
  return Boolean(req.is(['multipart/form-data', 'application/octet-stream']));
}

/** How long this request's body may take, or null when it has none. */
export function bodyDeadlineMs(req: Request, limits: BodyTimeouts): number | null {
  const declared = Number(req.get('content-length') ?? Number.NaN);
  const chunked = req.get('transfer-encoding') !== undefined;
  if (!chunked && !(declared > 0)) return null;
  if (!isUpload(req)) return limits.jsonMs;
  const bytes = Math.min(declared > 0 ? declared : limits.uploadMaxBytes, limits.uploadMaxBytes);
  return UPLOAD_GRACE_MS + Math.ceil((bytes / limits.uploadMinBytesPerSecond) * 1000);
}

/**
 * Answers 408 `request_timeout` and closes the connection when a request body does not arrive
 * in time. Node's own `requestTimeout` (five minutes for every request) stays as the outer bound.
 */
export function bodyTimeout(limits: BodyTimeouts, log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const ms = bodyDeadlineMs(req, limits);
    if (ms === null) {
      next();
      return;
    }
    const timer = setTimeout(() => {
      if (req.complete || res.writableEnded) return;
      log.warn({ event: 'body.timeout', ip: req.ip, ms }, 'request body too slow');
      // The rest of the body will never be read: the connection cannot be reused.
      res.set('Connection', 'close');
      res.once('finish', () => req.socket.destroy());
      if (res.headersSent) req.socket.destroy();
      else
        sendProblem(
          res,
          408,
          'request_timeout',
          'The request body arrived too slowly. Check the connection and try again.',
        );
    }, ms);
    timer.unref();
    const done = () => clearTimeout(timer);
    req.once('end', done);
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
