import type { Db } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { mediaPrefixes } from './invitation-data.js';

/** Invitations not being erased: a media job may store results only for their answers. */
export function invitationsNotErasing(db: Db) {
  return db.selectFrom('invitations').select('id').where('erasingAt', 'is', null);
}

/**
 * A media job finished converting an answer that was erased meanwhile (or is being erased):
 * what it stored must not outlive the erasure, so it deletes it again.
 */
export async function discardErasedAnswer(deps: Deps, answerId: string): Promise<void> {
  for (const prefix of mediaPrefixes(answerId)) await deps.storage.deletePrefix(prefix);
  deps.log.info({ answerId }, 'answer erased while processing; its media was discarded');
}
