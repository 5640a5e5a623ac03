import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { S3Storage } from '../../storage/s3-storage.js';
import { type RunningS3rver, startS3rver } from '../helpers/s3rver.js';
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

describe('the test S3 server checks signatures as S3 does (SigV4 gate in front of s3rver)', () => {
  let s3: RunningS3rver;
  let storage: S3Storage;
  before(async () => {
    s3 = await startS3rver();
    storage = new S3Storage({ ...s3, forcePathStyle: true });
    await storage.put('signed/object.txt', Readable.from([Buffer.from('the bytes')]));
  });
  after(async () => {
    storage?.destroy();
    await s3?.close();
  });

  it('refuses a request signed with the wrong secret key', async () => {
    const impostor = new S3Storage({
      ...s3,
      secretAccessKey: 'not the secret',
      forcePathStyle: true,
    });
    try {
      await assert.rejects(impostor.put('signed/forged.txt', Readable.from([Buffer.from('x')])));
      assert.ok(s3.refused.some((r) => r.reason === 'signature does not match'));
    } finally {
      impostor.destroy();
    }
  });

  it('serves a presigned URL as signed, and refuses it tampered or expired', async () => {
    const url = await storage.signedReadUrl('signed/object.txt', { expiresInSeconds: 60 });
    assert.equal(await (await fetch(url)).text(), 'the bytes');

    const otherKey = url.replace('signed/object.txt', 'signed/forged.txt');
    assert.equal((await fetch(otherKey)).status, 403);
    const otherSignature = url.replace(/X-Amz-Signature=[0-9a-f]/, (m) =>
      m.endsWith('0') ? `${m.slice(0, -1)}1` : `${m.slice(0, -1)}0`,
    );
    assert.equal((await fetch(otherSignature)).status, 403);
    const longer = url.replace('X-Amz-Expires=60', 'X-Amz-Expires=6000');
    assert.equal((await fetch(longer)).status, 403);

    const brief = await storage.signedReadUrl('signed/object.txt', { expiresInSeconds: 1 });
    await new Promise((r) => setTimeout(r, 2_100));
    const expired = await fetch(brief);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /AccessDenied/);
  });
});

// A real endpoint (AWS, MinIO, R2 …) checks what s3rver does not: multipart aborts, ListParts,
// its own consistency. Defined only when configured, and says so when it is not run.
const endpoint = process.env.S3_TEST_ENDPOINT;
if (!endpoint) {
  console.log(
    'storage: the real-S3 contract suite was NOT run (set S3_TEST_ENDPOINT and S3_TEST_BUCKET to run it)',
  );
} else {
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
