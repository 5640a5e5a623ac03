import type { Deps } from '../../deps.js';

/** The invitation an answer belongs to, for audit entries about it (null once erased). */
export async function invitationOfAnswer(deps: Deps, answerId: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom('answers')
    .select('invitationId')
    .where('id', '=', answerId)
    .executeTakeFirst();
  return row?.invitationId ?? null;
}
