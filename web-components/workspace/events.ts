/**
 * The workspace's own DOM events. They bubble and cross shadow roots (composed), so a parent
 * listens on itself; the map below types `addEventListener` and `@event` handlers.
 */
import type { Invitation, Rating, User } from '../../server/contracts/api.js';
import type { Share } from '../../server/contracts/sharing.js';

export interface WorkspaceEventMap {
  /** J/K in the player: the previous (-1) or next (+1) answer. */
  'ws-answer-step': { direction: -1 | 1 };
  /** A digit key 1–5 in the player: score the answer on screen. */
  'ws-score-key': { score: number };
  /** The rating form saved a rating (the server's copy). */
  'ws-rating-saved': { rating: Rating };
  /** The sign-in form got a token. */
  'ws-signed-in': { token: string; user: User };
  /** Candidates were invited; their links are in these invitations, and only here. */
  'ws-invited': { invitations: Invitation[] };
  /** The person is done with the new links on screen. */
  'ws-links-dismissed': Record<string, never>;
  /** A share link was made; its `url` is in this share, and only here. */
  'ws-share-created': { share: Share };
}

export type WorkspaceEvent<K extends keyof WorkspaceEventMap> = CustomEvent<WorkspaceEventMap[K]>;

export function workspaceEvent<K extends keyof WorkspaceEventMap>(
  name: K,
  detail: WorkspaceEventMap[K],
): WorkspaceEvent<K> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'ws-answer-step': WorkspaceEvent<'ws-answer-step'>;
    'ws-score-key': WorkspaceEvent<'ws-score-key'>;
    'ws-rating-saved': WorkspaceEvent<'ws-rating-saved'>;
    'ws-signed-in': WorkspaceEvent<'ws-signed-in'>;
    'ws-invited': WorkspaceEvent<'ws-invited'>;
    'ws-links-dismissed': WorkspaceEvent<'ws-links-dismissed'>;
    'ws-share-created': WorkspaceEvent<'ws-share-created'>;
  }
}
