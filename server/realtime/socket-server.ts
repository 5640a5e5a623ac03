import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { StaffEventMap } from '../contracts/api.js';
import type { Deps } from '../deps.js';
import { userForStaffToken } from '../http/auth.js';

export const STAFF_ROOM = 'staff';

type ServerToClient = { [E in keyof StaffEventMap]: (payload: StaffEventMap[E]) => void };

/**
 * socket.io on the HTTP server's port at /socket.io. Only staff may connect (token in
 * `auth.token`); every StaffEvents event is forwarded to all of them.
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
    const user = await userForStaffToken(deps, token).catch(() => null);
    if (!user) return next(new Error('unauthenticated'));
    socket.data.userId = user.id;
    next();
  });
  io.on('connection', (socket) => {
    socket.join(STAFF_ROOM);
  });
  // io.to() per event: it must use whichever adapter is installed (Redis, in the cluster).
  const unsubscribe = deps.events.subscribe((event, payload) =>
    (io.to(STAFF_ROOM) as unknown as { emit(event: string, payload: unknown): void }).emit(
      event,
      payload,
    ),
  );
  httpServer.on('close', unsubscribe);
  return io;
}
