import path from 'node:path';
import { LocalDiskStorage } from './local-disk-storage.js';
import type { S3StorageOptions } from './s3-storage.js';
import type { Storage } from './storage.js';

export interface StorageConfig {
  dataDir: string;
  /** Base URL of this server; LocalDiskStorage's signed links point at its /media route. */
  publicUrl: string;
  /** Signs LocalDiskStorage's media links (S3 presigns with its own credentials). */
  signingSecret: string;
  /** When set, objects live in this bucket; otherwise on local disk under dataDir. */
  s3?: S3StorageOptions;
}

/** The AWS SDK (some 8 MB of memory) is loaded only when a bucket is configured. */
export async function createStorage(config: StorageConfig): Promise<Storage> {
  if (config.s3) return new (await import('./s3-storage.js')).S3Storage(config.s3);
  return new LocalDiskStorage({
    root: path.join(config.dataDir, 'objects'),
    publicUrl: config.publicUrl,
    signingSecret: config.signingSecret,
  });
}
