import { S3Storage } from '../../storage/s3-storage.js';
import { startS3rver } from '../helpers/s3rver.js';
import { runStorageContract } from './storage-contract.js';

runStorageContract('S3Storage on s3rver', async () => {
  const s3rver = await startS3rver();
  const storage = new S3Storage({ ...s3rver, forcePathStyle: true });
  return {
    storage,
    async cleanup() {
      storage.destroy();
      await s3rver.close();
    },
  };
});

// A real endpoint (AWS, MinIO, R2 …) checks what s3rver does not: signatures, presigned URLs,
// multipart aborts. Defined only when configured, so that no skipped test hides a gap.
const endpoint = process.env.S3_TEST_ENDPOINT;
if (endpoint) {
  runStorageContract(`S3Storage on ${endpoint}`, async () => {
    const storage = new S3Storage({
      endpoint,
      bucket: requiredEnv('S3_TEST_BUCKET'),
      region: process.env.S3_TEST_REGION ?? 'us-east-1',
      accessKeyId: process.env.S3_TEST_ACCESS_KEY_ID,
      secretAccessKey: process.env.S3_TEST_SECRET_ACCESS_KEY,
      forcePathStyle: ['1', 'true'].includes(process.env.S3_TEST_FORCE_PATH_STYLE ?? ''),
    });
    return { storage, cleanup: async () => storage.destroy() };
  });
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set along with S3_TEST_ENDPOINT`);
  return value;
}
