import type { Db } from '../db/database.js';

/**
 * Which socket.io rooms hear an event (API.md "Teams": no event about an interview reaches
 * someone who may not see it). Admins are in ADMIN_ROOM; every other staff socket is in the room
 * of each interview its user is a member of (socket-server.ts keeps that current).
 */
export const ADMIN_ROOM = 'admins';
export const interviewRoom = (interviewId: string) => `interview:${interviewId}`;

/** An invitation never moves to another interview, so the mapping can be kept; bounded. */
const MAX_CACHED = 10_000;

/** The rooms for an event's payload, from the invitation it is about. */
export function eventRooms(db: Db): (payload: unknown) => Promise<string[]> {
  const interviewOf = new Map<string, string>();
  return async (payload) => {
    const invitationId = (payload as { invitationId?: unknown })?.invitationId;
    if (typeof invitationId !== 'string') return [ADMIN_ROOM];
    let interviewId = interviewOf.get(invitationId);
    if (!interviewId) {
      const row = await db
        .selectFrom('invitations')
        .select('interviewId')
        .where('id', '=', invitationId)
        .executeTakeFirst();
      if (!row) return [ADMIN_ROOM];
      interviewId = row.interviewId;
      if (interviewOf.size >= MAX_CACHED) interviewOf.clear();
      interviewOf.set(invitationId, interviewId);
    }
    return [ADMIN_ROOM, interviewRoom(interviewId)];
  };
}

/** The rooms a staff user's socket joins at connection. */
export async function roomsOfUser(db: Db, user: { id: string; role: string }): Promise<string[]> {
  if (user.role === 'admin') return [ADMIN_ROOM];
  const rows = await db
    .selectFrom('interviewMembers')
    .select('interviewId')
    .where('userId', '=', user.id)
    .execute();
  return rows.map((r) => interviewRoom(r.interviewId));
}
