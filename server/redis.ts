import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis connection for BullMQ and socket.io. `maxRetriesPerRequest: null` is what BullMQ
 * workers need (commands wait for a reconnect instead of failing); ioredis reconnects forever
 * with a capped delay, so the process recovers by itself when Redis returns.
 */
export function connectRedis(url: string, log: Logger, name: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: `interviews:${name}`,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let down = false;
  redis.on('error', (err) => {
    if (!down) log.warn({ err, connection: name }, 'Redis unreachable; retrying');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info({ connection: name }, 'Redis reachable again');
    down = false;
  });
  return redis;
}

/** Rejects if Redis does not answer PING quickly (health checks must not hang). */
export async function pingRedis(redis: Redis, timeoutMs = 1000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Redis did not answer')), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
