import { hashCandidateToken, looksLikeCandidateToken } from '../../auth/candidate-tokens.js';
import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { type AppError, NotFoundError, UnauthenticatedError } from '../../errors.js';

/**
 * Why a candidate token opens nothing: the interview was erased (404, so the candidate's page
 * can say so plainly, and an erased link never looks merely expired), or it was never valid.
 */
export async function refusedCandidateLink(
  deps: Deps,
  token: string | null,
  invitation: Pick<InvitationsTable, 'erasingAt'> | undefined,
): Promise<AppError> {
  const erased =
    invitation?.erasingAt != null ||
    (token !== null &&
      looksLikeCandidateToken(token) &&
      (await deps.db
        .selectFrom('erasedLinks')
        .select('tokenHash')
        .where('tokenHash', '=', hashCandidateToken(token))
        .executeTakeFirst()) !== undefined);
  return erased
    ? new NotFoundError('This interview and everything recorded in it have been erased.')
    : new UnauthenticatedError('This interview link is not valid.');
}
