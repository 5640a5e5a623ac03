import { io, type Socket } from 'socket.io-client';

/**
 * A socket.io client opened as the workspace opens one (websocket, this token), but never
 * reconnecting by itself, so that a test sees each disconnect the server decides.
 */
export function staffSocket(baseUrl: string, token: string | undefined): Socket {
  return io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: token === undefined ? {} : { token },
    reconnection: false,
    forceNew: true,
  });
}
