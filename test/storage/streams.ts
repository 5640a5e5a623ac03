import { Readable } from 'node:stream';

/** A stream that hands out the bytes in chunks of the given size, as a request body would. */
export function streamOf(bytes: Buffer, chunkSize: number): Readable {
  return Readable.from(
    (function* chunks() {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) {
        yield bytes.subarray(offset, offset + chunkSize);
      }
    })(),
  );
}

/** A stream that delivers `bytesBeforeFailure` bytes, then fails like a dropped connection. */
export function failingStream(bytesBeforeFailure: number, message: string): Readable {
  return Readable.from(
    (async function* chunks() {
      const chunk = Buffer.alloc(65_536, 7);
      for (let sent = 0; sent < bytesBeforeFailure; sent += chunk.length) {
        yield chunk.subarray(0, Math.min(chunk.length, bytesBeforeFailure - sent));
        await new Promise((resolve) => setImmediate(resolve));
      }
      throw new Error(message);
    })(),
  );
}

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
