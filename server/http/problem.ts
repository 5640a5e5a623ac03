import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Response } from 'express';
import multer from 'multer';
import type { Logger } from 'pino';
import { AppError, RateLimitedError } from '../errors.js';

/** Writes an RFC 9457 problem document. */
export function sendProblem(
  res: Response,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      status,
      title: STATUS_CODES[status] ?? 'Error',
      detail,
      code,
      ...extra,
    });
}

/** Body-parser and multer errors carry a status or a code; they are the client's fault. */
function clientErrorOf(err: unknown): { status: number; code: string; detail: string } | null {
  if (err instanceof multer.MulterError) {
    return err.code === 'LIMIT_FILE_SIZE'
      ? { status: 413, code: 'too_large', detail: 'The chunk is larger than maxChunkBytes.' }
      : {
          status: 400,
          code: 'invalid_request',
          detail: 'Send exactly one file field named "chunk".',
        };
  }
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { status?: number; type?: string; code?: string };
  if (e.type === 'entity.parse.failed') {
    return { status: 400, code: 'invalid_request', detail: 'The request body is not valid JSON.' };
  }
  if (e.type === 'entity.too.large') {
    return { status: 413, code: 'too_large', detail: 'The request body is too large.' };
  }
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return { status: 415, code: 'unsupported_media_type', detail: 'Send the body as UTF-8 JSON.' };
  }
  // PostgreSQL refusing a NUL or an invalid byte: input the schemas should have refused (the
  // rules are in contracts/safe-text.ts), so still the client's, never a 500.
  if (e.code === '22021' || e.code === '22P05') {
    return {
      status: 400,
      code: 'invalid_request',
      detail: 'The request contains a character that cannot be stored.',
    };
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return { status: e.status, code: 'invalid_request', detail: 'The request could not be read.' };
  }
  return null;
}

/** The one place errors become HTTP answers. Unknown errors are logged and answered as 500. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (err instanceof AppError) {
      if (err instanceof RateLimitedError) res.set('Retry-After', String(err.retryAfterSeconds));
      sendProblem(res, err.status, err.code, err.message, err.extra);
      return;
    }
    const client = clientErrorOf(err);
    if (client) {
      sendProblem(res, client.status, client.code, client.detail);
      return;
    }
    log.error({ err }, 'unhandled error');
    sendProblem(res, 500, 'internal', 'Something went wrong on our side. Please try again.');
  };
}
