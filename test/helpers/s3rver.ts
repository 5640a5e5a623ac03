import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type SigV4Gate, startSigV4Gate } from './sigv4-gate.js';

/** The little of s3rver's API we use (it ships no type declarations). */
interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: S3rverOptions) => S3rverServer;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

export interface RunningS3rver {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Requests refused for their signature (see sigv4-gate.ts). */
  refused: SigV4Gate['refused'];
  close(): Promise<void>;
}

/**
 * An S3-API server in this process, on a free port of 127.0.0.1, storing into a fresh temp
 * directory, with one empty bucket. Use path-style addressing (`forcePathStyle: true`).
 * s3rver only knows the credentials S3RVER/S3RVER and does not verify v4 signatures, so it
 * is reached through a gate that does (sigv4-gate.ts): a wrong key, a tampered or expired
 * presigned URL fail here as they would on S3.
 */
export async function startS3rver(): Promise<RunningS3rver> {
  const directory = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  const bucket = 'test-bucket';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const credentials = { region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const gate = await startSigV4Gate({ upstream: `http://127.0.0.1:${port}`, ...credentials });
  return {
    endpoint: gate.endpoint,
    bucket,
    ...credentials,
    refused: gate.refused,
    async close() {
      await gate.close();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
