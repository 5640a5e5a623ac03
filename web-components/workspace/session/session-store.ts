import type { User } from '../../../server/contracts/api.js';

export interface Session {
  token: string;
  user: User;
  /** When the server will stop accepting the token (ms since epoch), from its `exp` claim. */
  expiresAt: number;
}

/** Why nobody is signed in: never was, chose to leave, or the token ran out mid-work. */
export type SignedOutReason = 'new' | 'signed-out' | 'expired';

const STORAGE_KEY = 'ws.session';

/** The `exp` claim of a JWT, in ms; the signature is the server's business. */
export function tokenExpiry(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : Number.POSITIVE_INFINITY;
  } catch {
    return 0;
  }
}

/**
 * Who is signed in. Kept in localStorage so a reload or a second tab stays signed in. When the
 * token expires the session ends but the page keeps its state: callers waiting in
 * `whenSignedIn()` resume after the person signs in again, so no work is lost.
 */
export class SessionStore extends EventTarget {
  #session: Session | null = null;
  #reason: SignedOutReason = 'new';
  /** Who was signed in before the token expired: signing in as someone else resets the page. */
  #previousUser: User | null = null;
  #waiters: ((session: Session) => void)[] = [];
  #expiryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly storage: Storage = localStorage) {
    super();
    const saved = this.#read();
    if (saved && saved.expiresAt > Date.now()) this.#start(saved);
    else if (saved) {
      this.#reason = 'expired';
      this.storage.removeItem(STORAGE_KEY);
    }
  }

  get session(): Session | null {
    return this.#session;
  }

  get signedOutReason(): SignedOutReason {
    return this.#reason;
  }

  get previousUser(): User | null {
    return this.#previousUser;
  }

  signIn(token: string, user: User): void {
    const session = { token, user, expiresAt: tokenExpiry(token) };
    this.storage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.#start(session);
    const waiters = this.#waiters.splice(0);
    for (const resume of waiters) resume(session);
    this.dispatchEvent(new Event('change'));
  }

  /** The server refused the token, or its time is up: ask to sign in again, keep the page. */
  expire(): void {
    if (!this.#session) return;
    this.#previousUser = this.#session.user;
    this.#end('expired');
  }

  signOut(): void {
    this.#previousUser = null;
    this.#end('signed-out');
  }

  /** Resolves with the current session, or with the next one once somebody signs in. */
  whenSignedIn(): Promise<Session> {
    if (this.#session) return Promise.resolve(this.#session);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #start(session: Session): void {
    this.#session = session;
    clearTimeout(this.#expiryTimer);
    // Timers above ~24 days overflow; staff tokens last hours.
    const delay = Math.min(session.expiresAt - Date.now(), 2 ** 31 - 1);
    this.#expiryTimer = setTimeout(() => this.expire(), Math.max(0, delay));
  }

  #end(reason: SignedOutReason): void {
    clearTimeout(this.#expiryTimer);
    this.#session = null;
    this.#reason = reason;
    this.storage.removeItem(STORAGE_KEY);
    this.dispatchEvent(new Event('change'));
  }

  #read(): Session | null {
    try {
      const value = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
      return value && typeof value.token === 'string' && value.user ? value : null;
    } catch {
      return null;
    }
  }
}
