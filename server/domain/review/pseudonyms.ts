import { randomInt } from 'node:crypto';
import type { Invitation } from '../../contracts/api.js';
import type { CandidateRef, Decision } from '../../contracts/review.js';
import type { Db } from '../../db/database.js';
import { isDeadlock, isUniqueViolation } from '../../db/errors.js';
import type { Deps } from '../../deps.js';
import { decisionsOf } from './decisions.js';

/** The pseudonym reviewers see while an interview is blind. */
export function labelOf(labelNumber: number | null | undefined): string {
  return `Candidate ${labelNumber ?? '?'}`;
}

/** A candidate as a review endpoint may show them: names only where the interview is not blind. */
export function candidateRef(
  candidate: { id: string; name: string; email: string; labelNumber?: number | null },
  blind: boolean,
): CandidateRef {
  const label = labelOf(candidate.labelNumber);
  return blind
    ? { id: candidate.id, label }
    : { id: candidate.id, label, name: candidate.name, email: candidate.email };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * Gives every invitation of these interviews that has none its pseudonym number: the next free
 * numbers of its interview, in a random order within the batch (so that "Candidate 3" does not
 * tell who was third on the invitation list). Numbers are given on first need rather than at
 * creation so that invitations made by any code path get one; a unique index keeps two
 * processes from giving the same number twice (the loser retries).
 */
export async function ensureLabels(db: Db, interviewIds: string[]): Promise<void> {
  const ids = [...new Set(interviewIds)];
  if (ids.length === 0) return;
  for (let attempt = 0; ; attempt++) {
    const missing = await db
      .selectFrom('invitations')
      .select(['id', 'interviewId'])
      .where('interviewId', 'in', ids)
      .where('labelNumber', 'is', null)
      .execute();
    if (missing.length === 0) return;
    try {
      await db.transaction().execute(async (trx) => {
        for (const interviewId of new Set(missing.map((m) => m.interviewId))) {
          const { top } = await trx
            .selectFrom('invitations')
            .select((eb) => eb.fn.max('labelNumber').as('top'))
            .where('interviewId', '=', interviewId)
            .executeTakeFirstOrThrow();
          const batch = shuffled(missing.filter((m) => m.interviewId === interviewId));
          for (const [i, invitation] of batch.entries()) {
            await trx
              .updateTable('invitations')
              .set({ labelNumber: Number(top ?? 0) + i + 1 })
              .where('id', '=', invitation.id)
              .where('labelNumber', 'is', null)
              .execute();
          }
        }
      });
      return;
    } catch (err) {
      // Two processes labelling the same interview at once: one loses (a duplicate number, or
      // PostgreSQL breaking a deadlock between their row locks) and tries again a moment later.
      if (!(isUniqueViolation(err) || isDeadlock(err)) || attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}

/** Pseudonym numbers of these invitations, given first where missing. */
export async function labelNumbersOf(
  db: Db,
  invitationIds: string[],
): Promise<Map<string, number>> {
  if (invitationIds.length === 0) return new Map();
  const read = () =>
    db
      .selectFrom('invitations')
      .select(['id', 'interviewId', 'labelNumber'])
      .where('id', 'in', invitationIds)
      .execute();
  let rows = await read();
  const unlabelled = rows.filter((r) => r.labelNumber == null);
  if (unlabelled.length > 0) {
    await ensureLabels(
      db,
      unlabelled.map((r) => r.interviewId),
    );
    rows = await read();
  }
  return new Map(rows.map((r) => [r.id, r.labelNumber ?? 0]));
}

/** An Invitation as built before structured review: no label, no decision. */
export type BareInvitation = Omit<Invitation, 'candidate' | 'decision'> & {
  candidate: { id: string; name: string; email: string };
};

/** Adds `candidate.label` and `decision` to invitations shown to organisers (or the candidate). */
export async function withReviewFields(
  deps: Deps,
  invitations: BareInvitation[],
): Promise<Invitation[]> {
  const ids = invitations.map((i) => i.id);
  const labels = await labelNumbersOf(deps.db, ids);
  const decisions: Map<string, Decision> = await decisionsOf(deps.db, ids);
  return invitations.map((invitation) => ({
    ...invitation,
    candidate: { ...invitation.candidate, label: labelOf(labels.get(invitation.id)) },
    decision: decisions.get(invitation.id) ?? null,
  }));
}
