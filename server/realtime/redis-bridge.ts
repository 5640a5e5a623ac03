import { createAdapter } from '@socket.io/redis-adapter';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { STAFF_ROOM } from './socket-server.js';
import type { StaffEvents } from './staff-events.js';

/** API processes: a broadcast from any of them reaches sockets connected to every other. */
export function useRedisAdapter(io: Server, redis: Redis): void {
  io.adapter(createAdapter(redis.duplicate(), redis.duplicate()));
}

/**
 * Worker processes have no socket.io server; they publish staff events through Redis with the
 * socket.io emitter, and the API processes' adapters deliver them to connected staff.
 */
export function forwardEventsThroughRedis(events: StaffEvents, redis: Redis): () => void {
  const emitter = new Emitter(redis.duplicate());
  return events.subscribe((event, payload) => {
    emitter.to(STAFF_ROOM).emit(event, payload);
  });
}
