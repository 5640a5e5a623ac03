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
    this.#emitter.emit('event', event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}
