import { createHash, randomBytes } from 'node:crypto';

/** One chunk's bytes, ready to send in both wire formats. */
export interface ChunkPayload {
  bytes: Buffer;
  sha256: string;
  /** The bytes wrapped as `multipart/form-data` with one file field `chunk`. */
  multipartBody: Buffer;
}

export const MULTIPART_BOUNDARY = 'ingest-bench-boundary-7f3a9c';
export const MULTIPART_CONTENT_TYPE = `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`;

/**
 * A small pool of distinct random chunks, built once per load worker. Random bytes do not
 * compress, like encoded video; a pool rather than a fresh chunk per send keeps the generator's
 * CPU for sending (hashing 250 KB a thousand times a second would cost it half a core).
 */
export function makePayloadPool(chunkBytes: number, size = 8): ChunkPayload[] {
  return Array.from({ length: size }, () => {
    const bytes = randomBytes(chunkBytes);
    return {
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      multipartBody: multipartChunk(bytes),
    };
  });
}

/** `bytes` as the one file field `chunk` of a multipart/form-data body (MULTIPART_CONTENT_TYPE). */
export function multipartChunk(bytes: Buffer): Buffer {
  const head =
    `--${MULTIPART_BOUNDARY}\r\n` +
    'Content-Disposition: form-data; name="chunk"; filename="chunk"\r\n' +
    'Content-Type: application/octet-stream\r\n\r\n';
  return Buffer.concat([
    Buffer.from(head),
    bytes,
    Buffer.from(`\r\n--${MULTIPART_BOUNDARY}--\r\n`),
  ]);
}
