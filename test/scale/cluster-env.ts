import { randomBytes } from 'node:crypto';
import type { TestDatabase } from '../helpers/databases.js';
import type { TestRedis } from '../helpers/redis-server.js';
import { type RunningS3rver, s3Env } from '../helpers/s3rver.js';
import { ADMIN } from '../helpers/test-server.js';

/**
 * What every process of a cluster must share, as environment variables: the database, Redis, S3,
 * one token secret and the first administrator. The cluster suites add their own settings.
 */
export function clusterEnv(
  database: TestDatabase,
  redis: TestRedis,
  s3: RunningS3rver,
): Record<string, string> {
  return {
    DATABASE_URL: database.databaseUrl!,
    REDIS_URL: redis.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...s3Env(s3),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
}
