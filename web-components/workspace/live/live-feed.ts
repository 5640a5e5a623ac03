import { io, type Socket } from 'socket.io-client';
import type { StaffEventMap } from '../../../server/contracts/api.js';

export type LiveEventName = keyof StaffEventMap;

/** What views hear: the server's staff events, plus `resync` after a reconnect (events missed). */
export interface LiveFeedEventMap {
  'answer-status': CustomEvent<StaffEventMap['answer-status']>;
  'invitation-status': CustomEvent<StaffEventMap['invitation-status']>;
  resync: Event;
  /** The connection went up or down; `connected` says which. */
  connection: Event;
  /** The server refused the token (expired or revoked). */
  unauthorized: Event;
}

/**
 * One socket.io connection per signed-in page, re-broadcast as DOM events so any view can
 * listen without knowing about sockets. WebSocket only: no sticky sessions needed behind a
 * load balancer, as on the server side.
 */
export class LiveFeed extends EventTarget {
  #socket: Socket | null = null;
  #token = '';
  #everConnected = false;
  connected = false;

  connect(token: string): void {
    if (this.#socket && this.#token === token) return;
    this.disconnect();
    this.#token = token;
    const socket = io({ path: '/socket.io', auth: { token }, transports: ['websocket'] });
    this.#socket = socket;
    socket.on('connect', () => {
      this.#setConnected(true);
      // Anything that changed while we were away was not sent to us: views reload.
      if (this.#everConnected) this.dispatchEvent(new Event('resync'));
      this.#everConnected = true;
    });
    socket.on('disconnect', () => this.#setConnected(false));
    socket.on('connect_error', (err) => {
      this.#setConnected(false);
      if (err.message === 'unauthenticated') this.dispatchEvent(new Event('unauthorized'));
    });
    for (const name of ['answer-status', 'invitation-status'] as const) {
      socket.on(name, (detail: StaffEventMap[typeof name]) =>
        this.dispatchEvent(new CustomEvent(name, { detail })),
      );
    }
  }

  disconnect(): void {
    this.#socket?.disconnect();
    this.#socket = null;
    this.#token = '';
    // #everConnected stays: after a new sign-in, views resync what they missed meanwhile.
    this.#setConnected(false);
  }

  on<K extends keyof LiveFeedEventMap>(
    name: K,
    listener: (event: LiveFeedEventMap[K]) => void,
  ): () => void {
    const wrapped = listener as EventListener;
    this.addEventListener(name, wrapped);
    return () => this.removeEventListener(name, wrapped);
  }

  #setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.dispatchEvent(new Event('connection'));
  }
}
