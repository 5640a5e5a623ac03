import { EventEmitter } from 'node:events';
import type { StaffEventMap } from '../contracts/api.js';

export type StaffEventName = keyof StaffEventMap;
type Listener = <E extends StaffEventName>(event: E, payload: StaffEventMap[E]) => void;

/**
 * What use-cases tell staff about. The realtime layer forwards these to socket.io; keeping the
 * domain unaware of sockets lets it run in a worker process that has no HTTP server.
 */
export class StaffEvents {
  readonly #emitter = new EventEmitter();

  publish<E extends StaffEventName>(event: E, payload: StaffEventMap[E]): void {
    this.#emitter.emit('event', event, blind(payload));
  }

  subscribe(listener: Listener): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}

/**
 * Every staff member receives every event, reviewers of blind interviews included: whatever an
 * event carries about a candidate, it never carries their name or email (a `candidate` object
 * keeps its id and pseudonym `label`). Names are for the REST endpoints that check who asks.
 */
export function blind<T>(payload: T): T {
  if (Array.isArray(payload)) return payload.map(blind) as T;
  if (typeof payload !== 'object' || payload === null) return payload;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'candidate' && typeof value === 'object' && value !== null) {
      const { name: _name, email: _email, ...rest } = value as Record<string, unknown>;
      copy[key] = blind(rest);
    } else copy[key] = blind(value);
  }
  return copy as T;
}
