import type { Interview } from '../../contracts/api.js';
import type { InterviewChanges } from '../../contracts/edit-requests.js';
import type { Deps } from '../../deps.js';
import type { Viewer } from '../access/interview-access.js';
import { staffActor } from '../actor.js';
import { getInterview } from './interviews.js';
import { AdminOnlyError, privacyReducingFields } from './privacy-reducing.js';
import { updateInterview } from './update-interview.js';

/**
 * PATCH /interviews/:id as an organiser makes it: a privacy-reducing change is refused unless
 * the editor is an admin (nothing changes), and every edit is audited with the names of the
 * top-level fields that really changed.
 */
export async function editInterview(
  deps: Deps,
  editor: Viewer,
  interviewId: string,
  changes: InterviewChanges,
): Promise<Interview> {
  const before = await getInterview(deps.db, interviewId);
  if (editor.role !== 'admin') {
    const reducing = privacyReducingFields(before, changes, deps.now());
    if (reducing.length > 0) throw new AdminOnlyError(reducing);
  }
  // Recorded in the edit's own transaction: no edit without its entry, no entry without it.
  return updateInterview(deps, interviewId, changes, async (trx, after) => {
    const was = before as unknown as Record<string, unknown>;
    const is = after as unknown as Record<string, unknown>;
    const changed = Object.entries(changes)
      .filter(([field, value]) => value !== undefined && !sameJson(was[field], is[field]))
      .map(([field]) => field);
    await deps.audit.recordInTransaction(trx, {
      actor: staffActor(editor),
      action: 'interview.updated',
      target: { type: 'interview', id: interviewId },
      details: { changes: changed },
    });
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
