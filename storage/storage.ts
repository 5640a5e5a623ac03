import type { Readable } from 'node:stream';

/** An inclusive byte range, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number;
  /** Inclusive; omitted means "to the end of the object". */
  end?: number;
}

export interface ObjectInfo {
  key: string;
  size: number;
}

export interface ReadResult {
  body: Readable;
  /** Size of the whole object, whatever range was asked for. */
  size: number;
  /** The bytes actually served (inclusive), present when a range was asked for. */
  range?: { start: number; end: number };
  contentType?: string;
}

export interface PutOptions {
  contentType?: string;
  /**
   * The key has never been written and nothing reads it before `put` resolves (a chunk's key
   * carries a nonce and is recorded only afterwards). Local disk then writes the file in place,
   * without the temp file, rename and directory fsync that make a replacing put atomic.
   */
  freshKey?: boolean;
}

/**
 * Where recordings live: chunks while a candidate records, then the playable MP4 and poster.
 * Keys are relative, slash-separated paths such as `answers/<id>/chunks/000001.<nonce>`.
 * A `put` resolves only once the object is durable (flushed to disk or acknowledged by S3):
 * the server acknowledges a candidate's chunk on the strength of it.
 */
export interface Storage {
  readonly kind: 'local' | 's3';
  /** Stores the bytes, replacing any object with that key; resolves with the size written. */
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<{ size: number }>;
  /** Reads an object, or the asked-for range of it. Rejects with StorageNotFoundError. */
  get(key: string, range?: ByteRange): Promise<ReadResult>;
  /** Size of an object, or null when there is none. */
  stat(key: string): Promise<ObjectInfo | null>;
  /** Every object whose key starts with the prefix, sorted by key. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /** Removes an object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every object whose key starts with the prefix. */
  deletePrefix(prefix: string): Promise<void>;
  /** A URL a browser can GET (with Range) without any header, valid for the given time. */
  signedReadUrl(key: string, options: { expiresInSeconds: number }): Promise<string>;
  /** Rejects when the storage cannot be reached or written; used by /health. */
  check(): Promise<void>;
}

export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No object at ${key}`);
    this.name = 'StorageNotFoundError';
  }
}

/** A key that is empty, absolute, or escapes the storage root (`..`, backslashes, NUL). */
export class InvalidKeyError extends Error {
  constructor(readonly key: string) {
    super('Invalid storage key');
    this.name = 'InvalidKeyError';
  }
}

/** A range whose start lies at or beyond the end of the object (HTTP 416). */
export class RangeNotSatisfiableError extends Error {
  constructor(
    readonly key: string,
    /** Size of the whole object, for the `Content-Range` of a 416 answer. */
    readonly size: number,
  ) {
    super(`Range not satisfiable for ${key} (size ${size})`);
    this.name = 'RangeNotSatisfiableError';
  }
}

/**
 * The key rules every implementation enforces, so that a key that works on one backend works
 * on all: relative, slash-separated, no empty, `.` or `..` segment, no backslash or control
 * character. Backends may add rules of their own (LocalDiskStorage reserves `.tmp-` names).
 */
export function assertValidKey(key: string): void {
  if (key.length === 0 || key.startsWith('/') || key.includes('\\')) throw new InvalidKeyError(key);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
  if (/[\u0000-\u001f\u007f]/.test(key)) throw new InvalidKeyError(key);
  for (const segment of key.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') throw new InvalidKeyError(key);
  }
}

/** S3's listing order: by the UTF-8 bytes of the key, which differs from UTF-16 `<` order. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The bytes of one chunk read from a stream, whatever its mode (Buffer, Uint8Array, string). */
export function chunkToBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError('A storage body stream must yield bytes or strings');
}

/** A range must have whole, non-negative bounds with end ≥ start; anything else is a bug. */
export function assertValidRange(range: ByteRange): void {
  const { start, end = start } = range;
  if (!Number.isSafeInteger(start) || start < 0 || !Number.isSafeInteger(end) || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${range.end ?? ''}`);
  }
}
