import { EventEmitter } from 'node:events';

/** Whose live connections must end: every one of a user, or the one signed in with a token. */
export type Revocation =
  | { kind: 'user'; userId: string; reason: 'deactivated' | 'password' | 'role' }
  | { kind: 'token'; tokenId: string };

/**
 * Told by use-cases when access changes; the socket.io server listens and disconnects the
 * sockets concerned (in every process, through its adapter). HTTP needs no telling: every
 * request checks the token against the database.
 */
export class SessionRevocations {
  readonly #emitter = new EventEmitter();

  revoke(revocation: Revocation): void {
    this.#emitter.emit('revoke', revocation);
  }

  subscribe(listener: (revocation: Revocation) => void): () => void {
    this.#emitter.on('revoke', listener);
    return () => this.#emitter.off('revoke', listener);
  }
}
