import { createHash, randomBytes } from 'node:crypto';
import { pipeline, type Readable, Transform } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import type { Storage } from '../../storage/storage.js';
import { answerKeys, type StoredChunk } from '../domain/takes/answer-keys.js';
import { TooLargeError } from '../errors.js';

type StoredFile = Express.Multer.File & Partial<StoredChunk>;

interface ChunkTarget {
  answerId: string;
  index: number;
}

/**
 * Streams one chunk's bytes into Storage under a fresh key, hashing and counting them on the
 * way; an answer is never held whole in memory. Resolves once the bytes are durable. With
 * `maxBytes`, a body that grows past it fails with 413 and its partial object is deleted.
 */
async function storeChunkStream(
  storage: Storage,
  { answerId, index }: ChunkTarget,
  body: Readable,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<StoredChunk> {
  const key = answerKeys(answerId).chunk(index, randomBytes(6).toString('hex'));
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(piece: Buffer, _encoding, done) {
      size += piece.length;
      if (size > maxBytes) {
        done(new TooLargeError('The chunk is larger than maxChunkBytes.'));
        return;
      }
      hash.update(piece);
      done(null, piece);
    },
  });
  // pipeline carries a client that goes away mid-body (or a body over the bound) to `measure`
  // as an error, which Storage sees and gives up on; its own callback keeps that error from
  // being an unhandled 'error' event, which would end the process.
  pipeline(body, measure, () => {});
  try {
    // The nonce makes the key new, and it is recorded only once put resolves.
    await storage.put(key, measure, {
      contentType: 'application/octet-stream',
      freshKey: true,
    });
  } catch (err) {
    await storage.delete(key).catch(() => {});
    throw err;
  }
  return { key, size, sha256: hash.digest('hex') };
}

/**
 * A multer storage engine that streams the `chunk` field straight into Storage while hashing
 * and counting it: an answer is never held whole in memory, and the bytes are durable (Storage
 * resolves `put` only then) before the request is answered.
 */
class ChunkStorageEngine implements multer.StorageEngine {
  constructor(private readonly storage: Storage) {}

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    callback: (error?: Error | null, info?: Partial<StoredFile>) => void,
  ): void {
    const target = req.res!.locals.chunkTarget as ChunkTarget;
    // multer's own fileSize limit bounds the field; it reports LIMIT_FILE_SIZE itself.
    storeChunkStream(this.storage, target, file.stream).then(
      (stored) => callback(null, stored),
      (err: Error) => callback(err),
    );
  }

  _removeFile(_req: Request, file: StoredFile, callback: (error: Error | null) => void): void {
    if (!file.key) {
      callback(null);
      return;
    }
    this.storage.delete(file.key).then(
      () => callback(null),
      (err: Error) => callback(err),
    );
  }
}

/** The two ways a chunk may arrive: the contract's multipart form, or its bytes as the body. */
export const CHUNK_BODY_TYPES = ['multipart/form-data', 'application/octet-stream'];

/**
 * Extension: the chunk's bytes as the whole body (`application/octet-stream`), as tus and S3
 * take them. It spares the multipart framing and its parser (about a twentieth of the server's
 * CPU per chunk at 500 recorders); the recorder sends chunks this way.
 */
function rawChunkUpload(storage: Storage, maxChunkBytes: number) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!req.is('application/octet-stream')) {
      next();
      return;
    }
    const declared = Number(req.get('content-length') ?? Number.NaN);
    try {
      if (declared > maxChunkBytes) {
        throw new TooLargeError('The chunk is larger than maxChunkBytes.');
      }
      const stored = await storeChunkStream(storage, res.locals.chunkTarget, req, maxChunkBytes);
      if (stored.size > 0) res.locals.rawChunk = stored;
      else await storage.delete(stored.key);
    } catch (err) {
      // The rest of the body will not be read: the connection cannot carry another request.
      if (!req.complete) res.set('Connection', 'close');
      throw err;
    }
    next();
  };
}

/**
 * `PUT …/chunks/:index`: the bytes as the body, or multer for the contract's multipart form
 * (one file field `chunk`, nothing else); both bounded in size.
 */
export function chunkUploadMiddleware(storage: Storage, maxChunkBytes: number) {
  return [
    rawChunkUpload(storage, maxChunkBytes),
    multer({
      storage: new ChunkStorageEngine(storage),
      limits: { fileSize: maxChunkBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    }).single('chunk'),
  ];
}

export function storedChunkOf(req: Request, res: Response): StoredChunk | null {
  if (res.locals.rawChunk) return res.locals.rawChunk as StoredChunk;
  const file = req.file as StoredFile | undefined;
  if (!file?.key || file.size === undefined || !file.sha256) return null;
  return { key: file.key, size: file.size, sha256: file.sha256 };
}
