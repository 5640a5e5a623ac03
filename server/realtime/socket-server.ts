import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { StaffEventMap } from '../contracts/api.js';
import type { Deps } from '../deps.js';
import { staffSessionForToken } from '../domain/staff/staff-session.js';
import type { Revocation } from './session-revocations.js';

export const STAFF_ROOM = 'staff';

type ServerToClient = { [E in keyof StaffEventMap]: (payload: StaffEventMap[E]) => void };

/** Every socket of a user, and the sockets opened with one token: what revocation closes. */
export const userRoom = (userId: string) => `user:${userId}`;
export const tokenRoom = (tokenId: string) => `token:${tokenId}`;

// setTimeout keeps delays in a 32-bit int; tokens last 12 h, far below this.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * socket.io on the HTTP server's port at /socket.io. Only staff may connect (token in
 * `auth.token`); every StaffEvents event is forwarded to all of them. A socket lives no longer
 * than its token, and ends at once when the token is signed out or its user is deactivated,
 * changes password or changes role (so it reconnects with what the new role may see).
 */
export function attachSocketServer(
  httpServer: HttpServer,
  deps: Deps,
): Server<Record<string, never>, ServerToClient> {
  const io = new Server<Record<string, never>, ServerToClient>(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Same-origin pages need no CORS; other origins (an ATS embedding the workspace) are refused.
    cors: { origin: false },
  });
  io.use(async (socket, next) => {
    const token =
      typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : null;
    const session = await staffSessionForToken(deps, token).catch(() => null);
    // A user who must first change their password gets no staff events either.
    if (!session || session.mustChangePassword) return next(new Error('unauthenticated'));
    socket.data.userId = session.user.id;
    socket.data.tokenId = session.claims.tokenId;
    socket.data.expiresAtMs = session.claims.expiresAtMs;
    next();
  });
  io.on('connection', (socket) => {
    socket.join([STAFF_ROOM, userRoom(socket.data.userId), tokenRoom(socket.data.tokenId)]);
    const untilExpiry = Math.min(Math.max(0, socket.data.expiresAtMs - Date.now()), MAX_TIMER_MS);
    const expiry = setTimeout(() => socket.disconnect(true), untilExpiry);
    expiry.unref();
    socket.on('disconnect', () => clearTimeout(expiry));
  });
  // io.in() per revocation: through the Redis adapter it reaches sockets in every process.
  const stopRevoking = deps.sessions.subscribe((revocation: Revocation) => {
    const room =
      revocation.kind === 'user' ? userRoom(revocation.userId) : tokenRoom(revocation.tokenId);
    io.in(room).disconnectSockets(true);
  });
  // io.to() per event: it must use whichever adapter is installed (Redis, in the cluster).
  const unsubscribe = deps.events.subscribe((event, payload) =>
    (io.to(STAFF_ROOM) as unknown as { emit(event: string, payload: unknown): void }).emit(
      event,
      payload,
    ),
  );
  httpServer.on('close', () => {
    unsubscribe();
    stopRevoking();
  });
  return io;
}
