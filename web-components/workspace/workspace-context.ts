import type { User } from '../../server/contracts/api.js';
import type { WorkspaceApi } from './api/workspace-api.js';
import type { LiveFeed } from './live/live-feed.js';

/** What every view receives from the shell: one object, passed down as the `ctx` property. */
export interface WorkspaceContext {
  api: WorkspaceApi;
  live: LiveFeed;
  user: User;
}

export function canOrganise(user: User): boolean {
  return user.role === 'admin' || user.role === 'recruiter';
}
