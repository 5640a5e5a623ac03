import type { CandidateSession } from '../../contracts/api.js';
import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError } from '../../errors.js';
import { assertOpenForNewWork, candidateContext } from '../candidate/candidate-access.js';
import { candidateSession } from '../candidate/candidate-session.js';
import { tombstoneSql } from '../takes/tombstones.js';

/**
 * Extra time, asked by the candidate without a reason, before the first take of a real question
 * starts (the upload test does not count). The check and the change are one statement, so a
 * take started at the same instant cannot slip between them.
 */
export async function requestExtraTime(
  deps: Deps,
  invitation: InvitationsTable,
): Promise<CandidateSession> {
  assertOpenForNewWork(await candidateContext(deps, invitation));
  const result = await deps.db
    .updateTable('invitations')
    .set({ extraTime: 1 })
    .where('id', '=', invitation.id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('answers')
            .select('answers.id')
            .where('answers.invitationId', '=', invitation.id)
            // A tombstone (never handed in) does not count, as when abandoning deleted the take.
            .where((eb) => eb.not(tombstoneSql(eb))),
        ),
      ),
    )
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new ConflictError(
      'already_started',
      'Extra time can be chosen only before the first answer is recorded.',
    );
  }
  return candidateSession(deps, { ...invitation, extraTime: 1 } as unknown as InvitationsTable);
}
