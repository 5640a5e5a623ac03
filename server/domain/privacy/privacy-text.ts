import { createHash } from 'node:crypto';
import type { CandidatePrivacy } from '../../contracts/data-rights.js';
import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { InputError } from '../../errors.js';
import { retentionStart } from '../erasure/retention-sweep.js';

/** The notice shown when an interview has none of its own (pages may show a translation). */
export const BUILT_IN_PRIVACY_TEXT =
  'Your name, email address and the recordings you make here are used only to assess your ' +
  'application, and only the people who evaluate it can see them. They are erased ' +
  'automatically after the retention period shown below, or at once when you ask from ' +
  '"Your data". You can download a copy of your data there at any time.';

/** A version names the exact words: the same text always has the same version. */
export function privacyVersion(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

async function interviewPrivacy(deps: Deps, invitation: InvitationsTable) {
  const interview = await deps.db
    .selectFrom('interviews')
    .select(['privacyText', 'retentionDays', 'deadline'])
    .where('id', '=', invitation.interviewId)
    .executeTakeFirstOrThrow();
  const text = interview.privacyText ?? BUILT_IN_PRIVACY_TEXT;
  return { ...interview, text, version: privacyVersion(text) };
}

export async function candidatePrivacy(
  deps: Deps,
  invitation: InvitationsTable,
): Promise<CandidatePrivacy> {
  const p = await interviewPrivacy(deps, invitation);
  const start = new Date(retentionStart(p.deadline, invitation.expiresAt)).getTime();
  return {
    text: p.text,
    version: p.version,
    custom: p.privacyText !== null,
    consentedAt: invitation.consentAt,
    retentionDays: p.retentionDays,
    erasedBy: new Date(start + p.retentionDays * 86_400_000).toISOString(),
  };
}

/**
 * Records that the candidate agreed to the privacy text of this version, and when. The words
 * are kept by version so the candidate's export shows exactly what they agreed to.
 */
export async function recordConsent(
  deps: Deps,
  invitation: InvitationsTable,
  version: string,
): Promise<CandidatePrivacy> {
  const p = await interviewPrivacy(deps, invitation);
  if (version !== p.version) {
    throw new InputError('The privacy text changed since you read it. Read it again.', [
      { path: 'version', message: 'is not the current privacy text' },
    ]);
  }
  const now = deps.now().toISOString();
  await deps.db
    .insertInto('privacyTexts')
    .values({ version, text: p.text, createdAt: now })
    .onConflict((c) => c.column('version').doNothing())
    .execute();
  await deps.db
    .updateTable('invitations')
    .set({ consentAt: now, consentVersion: version })
    .where('id', '=', invitation.id)
    .execute();
  return candidatePrivacy(deps, { ...invitation, consentAt: now, consentVersion: version });
}
