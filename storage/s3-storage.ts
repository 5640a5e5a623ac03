import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  assertValidKey,
  assertValidRange,
  type ByteRange,
  chunkToBuffer,
  compareKeys,
  InvalidKeyError,
  type ObjectInfo,
  type PutOptions,
  RangeNotSatisfiableError,
  type ReadResult,
  type Storage,
  StorageNotFoundError,
} from './storage.js';

export interface S3StorageOptions {
  /** Omit for AWS; set for MinIO, R2, s3rver and other S3-compatible services. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Omit both to use the SDK's default chain (environment, instance role, …). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO, s3rver). */
  forcePathStyle: boolean;
}

/** S3's minimum part size; a body up to this size goes up in one PUT. */
const PART_SIZE = 5 * 1024 * 1024;
/** Parts in flight per upload: bounds memory to about PART_SIZE × (QUEUE_SIZE + 1). */
const QUEUE_SIZE = 3;

/** Objects in an S3 bucket (AWS or any S3-compatible service). */
export class S3Storage implements Storage {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    const { accessKeyId, secretAccessKey } = options;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      // The SDK's default adds CRC checksums (and aws-chunked streaming bodies) that several
      // S3-compatible servers reject or store verbatim; send them only when an API needs them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(
    key: string,
    body: Readable | Buffer,
    options: PutOptions = {},
  ): Promise<{ size: number }> {
    assertValidKey(key);
    const counted = Buffer.isBuffer(body) ? fixedBody(body) : countBytes(body);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: counted.body,
        ContentType: options.contentType,
      },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
    });
    try {
      await upload.done();
    } catch (err) {
      if (!Buffer.isBuffer(body)) body.destroy();
      // Upload then tries AbortMultipartUpload, whose failure would hide the real cause.
      throw counted.sourceError() ?? err;
    }
    return { size: counted.bytes() };
  }

  async get(key: string, range?: ByteRange): Promise<ReadResult> {
    assertValidKey(key);
    if (range) assertValidRange(range);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
    });
    try {
      const output = await this.client.send(command);
      if (!(output.Body instanceof Readable)) throw new Error('S3 returned no body stream');
      const served = output.ContentRange ? parseContentRange(output.ContentRange) : undefined;
      return {
        body: output.Body,
        size: served?.size ?? output.ContentLength ?? 0,
        range: served && { start: served.start, end: served.end },
        contentType: output.ContentType,
      };
    } catch (err) {
      if (isNotFound(err)) throw new StorageNotFoundError(key);
      if (hasStatus(err, 416)) throw new RangeNotSatisfiableError(key, await this.sizeOf(key));
      throw err;
    }
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    assertValidKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, size: head.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const found: ObjectInfo[] = [];
    for await (const page of this.pages(prefix)) found.push(...page);
    // S3 already lists in this order; S3-compatible servers do not all do so.
    return found.sort((a, b) => compareKeys(a.key, b.key));
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    // An empty prefix would empty the whole bucket; no caller needs that, so it is refused.
    if (prefix === '') throw new InvalidKeyError(prefix);
    // A listing page holds at most 1000 keys, which is also DeleteObjects' batch limit.
    for await (const page of this.pages(prefix)) {
      if (page.length === 0) continue;
      const output = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: page.map(({ key }) => ({ Key: key })), Quiet: true },
        }),
      );
      const failed = output.Errors ?? [];
      if (failed.length > 0) {
        throw new Error(`S3 could not delete ${failed.length} objects under ${prefix}`);
      }
    }
  }

  async signedReadUrl(key: string, options: { expiresInSeconds: number }): Promise<string> {
    assertValidKey(key);
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: key });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds });
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  /** Stops the client's keep-alive sockets, so that a process can exit. */
  destroy(): void {
    this.client.destroy();
  }

  private async *pages(prefix: string): AsyncGenerator<ObjectInfo[]> {
    let token: string | undefined;
    do {
      const output = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      yield (output.Contents ?? []).flatMap(({ Key, Size }) =>
        Key === undefined ? [] : [{ key: Key, size: Size ?? 0 }],
      );
      token = output.IsTruncated ? output.NextContinuationToken : undefined;
    } while (token);
  }

  private async sizeOf(key: string): Promise<number> {
    const info = await this.stat(key);
    if (!info) throw new StorageNotFoundError(key);
    return info.size;
  }
}

/**
 * Passes a body through while counting its bytes (Upload does not report the size) and
 * remembering a failure of the source itself, as opposed to one of S3.
 */
interface CountedBody {
  body: Readable | Buffer;
  bytes(): number;
  sourceError(): unknown;
}

function fixedBody(body: Buffer): CountedBody {
  return { body, bytes: () => body.length, sourceError: () => undefined };
}

function countBytes(source: Readable): CountedBody {
  let bytes = 0;
  let failure: unknown;
  async function* passThrough(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of source) {
        const buffer = chunkToBuffer(chunk);
        bytes += buffer.length;
        yield buffer;
      }
    } catch (err) {
      failure = err;
      throw err;
    }
  }
  return { body: Readable.from(passThrough()), bytes: () => bytes, sourceError: () => failure };
}

function parseContentRange(header: string): { start: number; end: number; size: number } {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header);
  if (!match) throw new Error(`Unexpected Content-Range from S3: ${header}`);
  return { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) };
}

function hasStatus(err: unknown, status: number): boolean {
  return err instanceof S3ServiceException && err.$metadata.httpStatusCode === status;
}

/** NoSuchKey from GET, a bare 404 from HEAD (no body to name it); a missing bucket is not. */
function isNotFound(err: unknown): boolean {
  if (!(err instanceof S3ServiceException) || err.name === 'NoSuchBucket') return false;
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || hasStatus(err, 404);
}
