import { io, type Socket } from 'socket.io-client';
import type { StaffEventMap } from '../../../server/contracts/api.js';

export type LiveEventName = keyof StaffEventMap;

/** What the server sends (server/realtime/socket-server.ts); the client sends nothing. */
type ServerToClient = { [E in LiveEventName]: (payload: StaffEventMap[E]) => void };

/** What views hear: the server's staff events, plus `resync` after a reconnect (events missed). */
export interface LiveFeedEventMap {
  'answer-status': CustomEvent<StaffEventMap['answer-status']>;
  'invitation-status': CustomEvent<StaffEventMap['invitation-status']>;
  /** Extension: how far an answer's conversion has got (every 10 %, never 0 or 100). */
  'answer-progress': CustomEvent<StaffEventMap['answer-progress']>;
  resync: Event;
  /** The connection went up or down; `connected` says which. */
  connection: Event;
  /** The server refused the token (expired or revoked). */
  unauthorized: Event;
}

/** Enough for every answer a page could show; a missed `answer-status` must not grow it forever. */
const MAX_REMEMBERED_PROGRESS = 500;

/**
 * One socket.io connection per signed-in page, re-broadcast as DOM events so any view can
 * listen without knowing about sockets. WebSocket only: no sticky sessions needed behind a
 * load balancer, as on the server side.
 */
export class LiveFeed extends EventTarget {
  #socket: Socket<ServerToClient, Record<string, never>> | null = null;
  #token = '';
  #everConnected = false;
  /** The last `answer-progress` percent of answers still being converted, by answer id. */
  readonly #progress = new Map<string, number>();
  connected = false;

  /**
   * How far the answer's conversion has got, as last heard; null when nothing was heard (a page
   * loaded mid-conversion, say): show it as under way, amount unknown. Kept across views, so the
   * review page knows what the queue heard.
   */
  progressOf(answerId: string): number | null {
    return this.#progress.get(answerId) ?? null;
  }

  connect(token: string): void {
    if (this.#socket && this.#token === token) return;
    this.disconnect();
    this.#token = token;
    const socket: Socket<ServerToClient, Record<string, never>> = io({
      path: '/socket.io',
      auth: { token },
      transports: ['websocket'],
    });
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
    socket.on('answer-progress', (detail) => {
      this.#rememberProgress(detail.answerId, detail.percent);
      this.dispatchEvent(new CustomEvent('answer-progress', { detail }));
    });
    // Ready or failed: the conversion is over, and its percent means nothing any more.
    socket.on('answer-status', (detail) => {
      this.#progress.delete(detail.answerId);
      this.dispatchEvent(new CustomEvent('answer-status', { detail }));
    });
    socket.on('invitation-status', (detail) =>
      this.dispatchEvent(new CustomEvent('invitation-status', { detail })),
    );
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

  #rememberProgress(answerId: string, percent: number): void {
    if (!Number.isFinite(percent)) return;
    this.#progress.delete(answerId); // re-inserted last: the oldest entry is the first to go
    this.#progress.set(answerId, Math.min(100, Math.max(0, percent)));
    if (this.#progress.size > MAX_REMEMBERED_PROGRESS) {
      const oldest = this.#progress.keys().next().value;
      if (oldest !== undefined) this.#progress.delete(oldest);
    }
  }

  #setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.dispatchEvent(new Event('connection'));
  }
}
