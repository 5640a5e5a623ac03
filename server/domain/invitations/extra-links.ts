import type { Kysely, Selectable } from 'kysely';
import { hashCandidateToken, newCandidateToken } from '../../auth/candidate-tokens.js';
import type { Database, InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';

/**
 * Links a candidate was emailed besides the one in invitations.token_hash. Only digests are
 * stored, so an email that needs a link (feedback released, reminder) cannot repeat the first
 * one; it gets a new token whose digest is added here, and every earlier link keeps working.
 * A staff re-issue (or a repeated application) revokes them all; erasure deletes them.
 */

/** Adds a link to the invitation and returns its token (for the email, never stored). */
export async function addExtraLink(
  db: Kysely<Database>,
  invitationId: string,
  now: Date,
  token = newCandidateToken(),
  options: { scope?: LinkScope; issuedBy?: string | null } = {},
): Promise<string> {
  await db
    .insertInto('invitationLinks')
    .values({
      tokenHash: hashCandidateToken(token),
      invitationId,
      createdAt: now.toISOString(),
      scope: options.scope ?? 'full',
      issuedBy: options.issuedBy ?? null,
    })
    .execute();
  return token;
}

/** `aftercare`: a link that opens the candidate's feedback, export and erasure only (issue 21). */
export type LinkScope = 'full' | 'aftercare';

/** Every extra link of the invitation stops working (the main one is the caller's to replace). */
export async function revokeExtraLinks(db: Kysely<Database>, invitationId: string): Promise<void> {
  await db.deleteFrom('invitationLinks').where('invitationId', '=', invitationId).execute();
}

/** The invitation an extra link opens, with what the link allows; asked only when the main lookup missed. */
export async function invitationForExtraLink(
  deps: Deps,
  tokenHash: string,
): Promise<
  | { invitation: Selectable<InvitationsTable>; scope: LinkScope; issuedBy: string | null }
  | undefined
> {
  const link = await deps.db
    .selectFrom('invitationLinks')
    .select(['invitationId', 'scope', 'issuedBy'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!link) return undefined;
  const invitation = await deps.db
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', link.invitationId)
    .executeTakeFirst();
  return invitation && { invitation, scope: link.scope, issuedBy: link.issuedBy };
}

/** Inside the erasure transaction, before the rows go: the extra links answer "erased" too. */
export async function rememberErasedExtraLinks(
  trx: Kysely<Database>,
  invitationId: string,
  now: Date,
): Promise<void> {
  const links = await trx
    .selectFrom('invitationLinks')
    .select('tokenHash')
    .where('invitationId', '=', invitationId)
    .execute();
  if (links.length === 0) return;
  await trx
    .insertInto('erasedLinks')
    .values(links.map((l) => ({ tokenHash: l.tokenHash, erasedAt: now.toISOString() })))
    .onConflict((c) => c.column('tokenHash').doNothing())
    .execute();
}
