import type { Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { RedisStore } from 'rate-limit-redis';
import type { Server as SocketServer } from 'socket.io';
import type { Config } from './config.js';
import { BullMqJobQueue } from './jobs/bullmq-job-queue.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { LaneConcurrency } from './jobs/lanes.js';
import { forwardEventsThroughRedis, useRedisAdapter } from './realtime/redis-bridge.js';
import type { StaffEvents } from './realtime/staff-events.js';
import { connectRedis, pingRedis } from './redis.js';

/**
 * What several processes share through Redis: the job queue, the login rate limit and staff
 * events. The server imports this module only when REDIS_URL is set, so that BullMQ, ioredis
 * and the socket.io bridge (some 30 MB of memory) stay out of the embedded setup.
 */
export interface Cluster {
  jobQueue(options: {
    concurrency: number;
    lanes?: LaneConcurrency;
    retryBaseMs?: number;
  }): JobQueue;
  /**
   * Shared counters, so a guesser cannot spread attempts over the API processes; one store
   * per limiter `name` (each needs its own keys).
   */
  loginRateLimitStore(name?: string): Store;
  /** Shared counters of public applications per address (issue 11). */
  applyRateLimitStore(): Store;
  /** Events raised in any process reach the sockets of this one. */
  shareSocketEvents(io: SocketServer): void;
  /** A worker has no sockets: it sends its events to the API processes. Returns a stop function. */
  forwardEvents(events: StaffEvents, roomsOf: (payload: unknown) => Promise<string[]>): () => void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function joinCluster(config: Readonly<Config>, log: Logger, redisUrl: string): Cluster {
  const redis = connectRedis(redisUrl, log, config.role);
  return {
    jobQueue: (options) =>
      new BullMqJobQueue({ redis, log, lockSeconds: config.jobLockSeconds, ...options }),
    loginRateLimitStore: (name = 'login') =>
      new RedisStore({
        prefix: `interviews:${name}:`,
        sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as never,
      }),
    applyRateLimitStore: () =>
      new RedisStore({
        prefix: 'interviews:apply:',
        sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as never,
      }),
    shareSocketEvents: (io) => useRedisAdapter(io, redis),
    forwardEvents: (events, roomsOf) => forwardEventsThroughRedis(events, redis, roomsOf),
    ping: () => pingRedis(redis),
    close: async () => {
      await redis.quit().catch(() => {});
    },
  };
}
