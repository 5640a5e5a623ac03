import { createHash, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import type { Request } from 'express';
import multer from 'multer';
import type { Storage } from '../../storage/storage.js';
import { chunkKey, type StoredChunk } from '../domain/put-chunk.js';

type StoredFile = Express.Multer.File & Partial<StoredChunk>;

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
    const { answerId, index } = req.res!.locals.chunkTarget as { answerId: string; index: number };
    const key = chunkKey(answerId, index, randomBytes(6).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(piece: Buffer, _encoding, done) {
        hash.update(piece);
        size += piece.length;
        done(null, piece);
      },
    });
    file.stream.on('error', (err) => measure.destroy(err));
    this.storage
      .put(key, file.stream.pipe(measure), {
        contentType: 'application/octet-stream',
        // The nonce makes the key new, and it is recorded only once put resolves.
        freshKey: true,
      })
      .then(
        () => callback(null, { key, size, sha256: hash.digest('hex') }),
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

/** multer for `PUT …/chunks/:index`: one file field `chunk`, nothing else, bounded in size. */
export function chunkUploadMiddleware(storage: Storage, maxChunkBytes: number) {
  return multer({
    storage: new ChunkStorageEngine(storage),
    limits: { fileSize: maxChunkBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  }).single('chunk');
}

export function storedChunkOf(req: Request): StoredChunk | null {
  const file = req.file as StoredFile | undefined;
  if (!file?.key || file.size === undefined || !file.sha256) return null;
  return { key: file.key, size: file.size, sha256: file.sha256 };
}
