/**
 * Who does something. One type for the audit log (who did what) and for authorisation (who may
 * do what): a route turns the request's credentials into an Actor once (http/auth.ts
 * `currentActor`) and hands it to the use-case.
 *
 * The database keeps `actor_type` and `actor_id` only; names are joined at read time, so that
 * erasing a person removes their name from the trail while the fact stays.
 */

/** A signed-in staff member. */
export interface StaffActor {
  type: 'staff';
  id: string;
  name?: string;
}

/**
 * The candidate, through their link. `via` names the staff member who issued the link when staff
 * held it (a link answered to staff rather than emailed), so their actions can be told apart.
 */
export interface CandidateActor {
  type: 'candidate';
  /** The candidate's id (not the invitation's). */
  id: string;
  via?: { issuedBy: { id: string; name: string } };
}

/** A hiring manager with a share link: `id` is the share's id. */
export interface GuestActor {
  type: 'guest';
  id: string;
  name: string;
}

/** A machine with an API key: `id` is the key's id (never the key). */
export interface ApiKeyActor {
  type: 'api_key';
  id: string;
  name: string;
}

/** The server itself: the retention sweep, the command line. */
export interface SystemActor {
  type: 'system';
}

export type Actor = StaffActor | CandidateActor | GuestActor | ApiKeyActor | SystemActor;

export type ActorType = Actor['type'];

export const SYSTEM: SystemActor = { type: 'system' };

/** A staff member, or an API key acting as staff of its role (issue 23). */
export type StaffOrKeyActor = StaffActor | ApiKeyActor;

/** The actor for a signed-in user: an API key's user (`kind: 'api_key'`) is its key. */
export function staffActor(user: { id: string; name?: string; kind?: 'api_key' }): StaffOrKeyActor {
  if (user.kind === 'api_key') return { type: 'api_key', id: user.id, name: user.name ?? '' };
  return user.name === undefined
    ? { type: 'staff', id: user.id }
    : { type: 'staff', id: user.id, name: user.name };
}

export function candidateActor(invitation: { candidateId: string }): CandidateActor {
  return { type: 'candidate', id: invitation.candidateId };
}

/** The id stored with what the actor did; the system has none. */
export function actorIdOf(actor: Actor): string | null {
  return actor.type === 'system' ? null : actor.id;
}
