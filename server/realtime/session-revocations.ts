import { EventEmitter } from 'node:events';

/** Whose live connections must end: every one of a user, or the one signed in with a token. */
export type Revocation =
  | { kind: 'user'; userId: string; reason: 'deactivated' | 'password' | 'role' }
  | { kind: 'token'; tokenId: string };

/** Issue 19: a user joined or left an interview's team; their sockets follow. */
export interface MembershipChange {
  userId: string;
  interviewId: string;
  member: boolean;
}

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

  /** Which interviews' events a user's live connections receive changes with their teams. */
  membershipChanged(change: MembershipChange): void {
    this.#emitter.emit('membership', change);
  }

  subscribeMemberships(listener: (change: MembershipChange) => void): () => void {
    this.#emitter.on('membership', listener);
    return () => this.#emitter.off('membership', listener);
  }
}
