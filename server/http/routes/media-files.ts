import { pipeline } from 'node:stream/promises';
import { type NextFunction, type Request, type Response, Router } from 'express';
import { verifyMediaSignature } from '../../../storage/signed-url.js';
import {
  InvalidKeyError,
  RangeNotSatisfiableError,
  type Storage,
  StorageNotFoundError,
} from '../../../storage/storage.js';
import { NotFoundError } from '../../errors.js';

/** What a `Range` header asks of an object of a known size (RFC 9110 §14). */
export type RangeRequest =
  | { kind: 'whole' }
  | { kind: 'unsatisfiable' }
  | { kind: 'partial'; start: number; end: number };

const CONTENT_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.jpg': 'image/jpeg',
  '.m4a': 'audio/mp4',
};

/**
 * Serves LocalDiskStorage's signed links, `GET|HEAD /media/<key>?expires=…&sig=…`, the way a
 * `<video>` element needs them: byte ranges, lengths, and caching no longer than the link.
 * Mount at the app root.
 */
export function mediaFilesRouter(storage: Storage, signingSecret: string): Router {
  const router = Router();
  router.get('/media/*key', async (req, res, next) => {
    const key = keyOf(req);
    const expires = req.query.expires;
    const sig = req.query.sig;
    if (
      typeof expires !== 'string' ||
      typeof sig !== 'string' ||
      !verifyMediaSignature(key, expires, sig, signingSecret, Date.now())
    ) {
      next(new NotFoundError('This media link has expired or is not valid.'));
      return;
    }
    try {
      await serveObject(storage, key, Number(expires), req, res, next);
    } catch (err) {
      if (err instanceof StorageNotFoundError || err instanceof InvalidKeyError) {
        next(new NotFoundError('This media file does not exist.'));
        return;
      }
      throw err;
    }
  });
  return router;
}

async function serveObject(
  storage: Storage,
  key: string,
  expires: number,
  req: Request,
  res: Response,
  next: NextFunction,
): Promise<void> {
  const info = await storage.stat(key);
  if (!info) throw new StorageNotFoundError(key);
  const secondsLeft = Math.max(0, expires - Math.floor(Date.now() / 1000));
  res.set({
    'Accept-Ranges': 'bytes',
    'Cache-Control': `private, max-age=${secondsLeft}`,
    'Content-Type': contentTypeOf(key),
    'X-Content-Type-Options': 'nosniff',
  });
  // If-Range compares validators; we send none, so no If-Range can match: send it whole.
  const rangeHeader = req.headers['if-range'] === undefined ? req.headers.range : undefined;
  const wanted = parseRangeHeader(rangeHeader, info.size);
  if (wanted.kind === 'unsatisfiable') {
    sendUnsatisfiable(res, info.size);
    return;
  }
  if (req.method === 'HEAD') {
    sendHeaders(res, info.size, wanted.kind === 'partial' ? wanted : undefined);
    res.end();
    return;
  }
  let object: Awaited<ReturnType<Storage['get']>>;
  try {
    object = await storage.get(key, wanted.kind === 'partial' ? wanted : undefined);
  } catch (err) {
    // The object shrank between stat and get.
    if (err instanceof RangeNotSatisfiableError) return sendUnsatisfiable(res, err.size);
    throw err;
  }
  sendHeaders(res, object.size, object.range);
  await pipeline(object.body, res).catch((err: unknown) => {
    // A client that stops watching closes the socket mid-body: nothing to answer then.
    if (!res.headersSent) next(err);
    else res.destroy();
  });
}

function sendHeaders(res: Response, size: number, range?: { start: number; end: number }): void {
  if (!range) {
    res.status(200).set('Content-Length', String(size));
    return;
  }
  res.status(206).set({
    'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    'Content-Length': String(range.end - range.start + 1),
  });
}

function sendUnsatisfiable(res: Response, size: number): void {
  res.status(416).set('Content-Range', `bytes */${size}`).set('Content-Length', '0').end();
}

/**
 * Reads a single `bytes=` range: `a-b`, `a-` or `-n`. A header we do not understand, or one
 * with several ranges, is ignored (the whole object is sent), as RFC 9110 allows.
 */
export function parseRangeHeader(header: string | undefined, size: number): RangeRequest {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // Suffix: the last n bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.POSITIVE_INFINITY : Number(last);
  if (end < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

function keyOf(req: Request): string {
  const segments: unknown = req.params.key;
  return Array.isArray(segments) ? segments.join('/') : String(segments);
}

function contentTypeOf(key: string): string {
  const dot = key.lastIndexOf('.');
  const extension = dot > key.lastIndexOf('/') ? key.slice(dot).toLowerCase() : '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
