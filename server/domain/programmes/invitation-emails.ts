import type { Kysely } from 'kysely';
import type { Language, SkippedDuplicate } from '../../contracts/programmes.js';
import { interviewTitleIn } from '../../contracts/translations.js';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { emailEnabled, queueEmail } from '../email/outbox.js';

interface Invited {
  invitationId: string;
  token: string;
  candidate: { name: string; email: string };
  language: Language;
  /** Each invitation's own: a city may close before the interview (issue 21). */
  expiresAt: string;
}

/**
 * Each new invitation's link by email (when email is on and the request did not say
 * `sendEmail: false`), written in the same transaction as the invitations.
 */
export async function queueInvitationEmails(
  trx: Kysely<Database>,
  deps: Deps,
  interview: { title: string; translations?: unknown },
  invited: Invited[],
  sendEmail: boolean | undefined,
): Promise<(string | null)[]> {
  if (!emailEnabled(deps) || sendEmail === false) return [];
  const now = deps.now();
  const ids: (string | null)[] = [];
  for (const c of invited) {
    ids.push(
      await queueEmail(
        trx,
        {
          invitationId: c.invitationId,
          kind: 'invitation',
          to: c.candidate.email,
          language: c.language,
          vars: {
            name: c.candidate.name,
            interviewTitle: interviewTitleIn(interview, c.language),
            url: `${deps.config.publicUrl}/i/${c.token}`,
            closesAt: c.expiresAt,
          },
        },
        now,
      ),
    );
  }
  return ids;
}

/**
 * Splits the candidates of an invitation request into those to invite and those skipped because
 * their email is already invited to this interview (or repeated in the request), unless the
 * organiser confirmed with `allowDuplicates`. Emails are compared as stored (lower-cased).
 */
export async function splitDuplicates<C extends { email: string }>(
  db: Kysely<Database>,
  interviewId: string,
  candidates: C[],
  allowDuplicates: boolean,
): Promise<{ fresh: C[]; skipped: SkippedDuplicate[] }> {
  if (allowDuplicates) return { fresh: candidates, skipped: [] };
  const emails = [...new Set(candidates.map((c) => c.email))];
  const existing = new Map<string, string>();
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db
      .selectFrom('invitations')
      .innerJoin('candidates', 'candidates.id', 'invitations.candidateId')
      .select(['candidates.email', 'invitations.id'])
      .where('invitations.interviewId', '=', interviewId)
      .where('candidates.email', 'in', emails.slice(i, i + 500))
      .orderBy('invitations.createdAt')
      .execute();
    for (const r of rows) if (!existing.has(r.email)) existing.set(r.email, r.id);
  }
  const seen = new Set<string>();
  const fresh: C[] = [];
  const skipped: SkippedDuplicate[] = [];
  for (const c of candidates) {
    if (existing.has(c.email))
      skipped.push({ email: c.email, invitationId: existing.get(c.email)! });
    else if (seen.has(c.email)) skipped.push({ email: c.email, invitationId: null });
    else fresh.push(c);
    seen.add(c.email);
  }
  return { fresh, skipped };
}
