/**
 * How many 250 KB objects a second s3rver itself stores, with nothing of ours in the way: the
 * ceiling of the scale-out ingest benchmark, which uses s3rver as its S3.
 *
 *   npx tsx scripts/bench/ingest/s3rver-ceiling.ts [--puts 400] [--concurrency 1,20]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mapConcurrently } from './concurrency.js';
import { scratchS3rver } from './scratch-services.js';
import { percentile, sortedCopy } from './stats.js';

const { values } = parseArgs({
  options: {
    puts: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '1,20' },
    'chunk-kb': { type: 'string', default: '250' },
  },
});
const s3 = await scratchS3rver();
try {
  const client = new S3Client({
    endpoint: s3.value.endpoint,
    region: s3.value.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.value.accessKeyId, secretAccessKey: s3.value.secretAccessKey },
  });
  const body = randomBytes(Number(values['chunk-kb']) * 1024);
  const puts = Array.from({ length: Number(values.puts) }, (_, i) => i);
  for (const concurrency of values.concurrency.split(',').map(Number)) {
    const latencies: number[] = [];
    const started = performance.now();
    await mapConcurrently(puts, concurrency, async (i) => {
      const sent = performance.now();
      await client.send(
        new PutObjectCommand({ Bucket: s3.value.bucket, Key: `c${concurrency}/${i}`, Body: body }),
      );
      latencies.push(performance.now() - sent);
    });
    const seconds = (performance.now() - started) / 1000;
    const sorted = sortedCopy(latencies);
    console.log(
      `concurrency ${concurrency}: ${(puts.length / seconds).toFixed(0)} PUT/s, ` +
        `${((puts.length * body.length) / 1e6 / seconds).toFixed(1)} MB/s, ` +
        `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms`,
    );
  }
  client.destroy();
} finally {
  await s3.dispose();
}
