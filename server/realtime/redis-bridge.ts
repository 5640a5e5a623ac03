import { createAdapter } from '@socket.io/redis-adapter';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import type { StaffEvents } from './staff-events.js';

/** API processes: a broadcast from any of them reaches sockets connected to every other. */
export function useRedisAdapter(io: Server, redis: Redis): void {
  io.adapter(createAdapter(redis.duplicate(), redis.duplicate()));
}

/**
 * Worker processes have no socket.io server; they publish staff events through Redis with the
 * socket.io emitter, and the API processes' adapters deliver them to connected staff.
 */
export function forwardEventsThroughRedis(
  events: StaffEvents,
  redis: Redis,
  roomsOf: (payload: unknown) => Promise<string[]>,
): () => void {
  const emitter = new Emitter(redis.duplicate());
  return events.subscribe((event, payload) => {
    // Only the rooms of the event's interview and the admins' (server/realtime/event-rooms.ts).
    void roomsOf(payload).then(
      (rooms) => emitter.to(rooms).emit(event, payload),
      () => {},
    );
  });
}
