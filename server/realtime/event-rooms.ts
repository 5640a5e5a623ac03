import type { Db } from '../db/database.js';
import { type Viewer, visibleInterviewIds } from '../domain/access/interview-access.js';

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

/** The rooms a staff user's socket joins at connection: what the one access rule lets them see. */
export async function roomsOfUser(db: Db, user: Viewer): Promise<string[]> {
  const visible = await visibleInterviewIds(db, user);
  return visible === null ? [ADMIN_ROOM] : [...visible].map(interviewRoom);
}
