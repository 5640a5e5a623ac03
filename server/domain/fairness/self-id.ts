import {
  type CandidateSelfId,
  DECLINED,
  SELF_ID_DEFAULTS,
  type SelfIdSettings,
} from '../../contracts/fairness.js';
import type { Db } from '../../db/database.js';
import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError, InputError } from '../../errors.js';
import type { Actor } from '../actor.js';

/**
 * Voluntary self-identification. Its answers live in `self_identifications`, a table of their
 * own: this module, the adverse-impact report, the candidate's export and erasure are the only
 * code that reads it. Nothing here logs an answer.
 */

const SETTINGS_ID = 'installation';

function languageOf(invitation: InvitationsTable): 'en' | 'fr' {
  return String(invitation.language) === 'fr' ? 'fr' : 'en';
}

export async function selfIdSettings(db: Db): Promise<SelfIdSettings> {
  const row = await db
    .selectFrom('fairnessSettings')
    .select('settings')
    .where('id', '=', SETTINGS_ID)
    .executeTakeFirst();
  return row ? (JSON.parse(row.settings) as SelfIdSettings) : SELF_ID_DEFAULTS;
}

/** Saves the form, audited (`self_id_form.updated`) in the same transaction. */
export async function saveSelfIdSettings(
  deps: Deps,
  actor: Actor,
  settings: SelfIdSettings,
): Promise<SelfIdSettings> {
  const row = {
    id: SETTINGS_ID,
    settings: JSON.stringify(settings),
    updatedAt: deps.now().toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('fairnessSettings')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ settings: row.settings, updatedAt: row.updatedAt }),
      )
      .execute();
    await deps.audit.recordInTransaction(trx, {
      actor,
      action: 'self_id_form.updated',
      target: { type: 'installation', id: null },
    });
  });
  return settings;
}

/** What one candidate gave, by question key (null: nothing yet). */
export async function storedAnswers(
  db: Db,
  invitationId: string,
): Promise<Record<string, string> | null> {
  const row = await db
    .selectFrom('selfIdentifications')
    .select('answers')
    .where('invitationId', '=', invitationId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.answers) as Record<string, string>) : null;
}

/** Answers of many invitations at once, for the report. */
export async function answersOf(
  db: Db,
  invitationIds: string[],
): Promise<Map<string, Record<string, string>>> {
  if (invitationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('selfIdentifications')
    .select(['invitationId', 'answers'])
    .where('invitationId', 'in', invitationIds)
    .execute();
  return new Map(rows.map((r) => [r.invitationId, JSON.parse(r.answers)]));
}

/** The form in the candidate's language, with what they gave. */
export async function candidateSelfId(
  deps: Deps,
  invitation: InvitationsTable,
): Promise<CandidateSelfId> {
  const settings = await selfIdSettings(deps.db);
  const lang = languageOf(invitation);
  return {
    enabled: settings.enabled,
    questions: settings.enabled
      ? settings.questions.map((q) => ({
          key: q.key,
          prompt: q.prompt[lang],
          options: q.options.map((o) => ({ key: o.key, label: o.label[lang] })),
        }))
      : [],
    answers: await storedAnswers(deps.db, invitation.id),
  };
}

/**
 * Saves the candidate's answers (any subset of the questions; each an option or "declined"),
 * replacing earlier ones. Never required; refused only when the form is off or an answer is
 * not one the form offers.
 */
export async function saveCandidateSelfId(
  deps: Deps,
  invitation: InvitationsTable,
  answers: Record<string, string>,
): Promise<void> {
  const settings = await selfIdSettings(deps.db);
  if (!settings.enabled)
    throw new ConflictError('self_id_disabled', 'This installation does not ask these questions.');
  const errors = Object.entries(answers).flatMap(([key, value]) => {
    const question = settings.questions.find((q) => q.key === key);
    if (!question) return [{ path: `answers.${key}`, message: 'is not a question of the form' }];
    if (value !== DECLINED && !question.options.some((o) => o.key === value))
      return [{ path: `answers.${key}`, message: 'is not one of the options' }];
    return [];
  });
  if (errors.length > 0) throw new InputError('Some answers are not ones the form offers.', errors);
  const row = {
    invitationId: invitation.id,
    answers: JSON.stringify(answers),
    updatedAt: deps.now().toISOString(),
  };
  await deps.db
    .insertInto('selfIdentifications')
    .values(row)
    .onConflict((oc) =>
      oc.column('invitationId').doUpdateSet({ answers: row.answers, updatedAt: row.updatedAt }),
    )
    .execute();
}

/** The candidate's export: their answers with the questions as they read them. */
export async function selfIdExportSection(deps: Deps, invitation: InvitationsTable) {
  const answers = await storedAnswers(deps.db, invitation.id);
  if (!answers) return { selfIdentification: null };
  const settings = await selfIdSettings(deps.db);
  const lang = languageOf(invitation);
  return {
    selfIdentification: Object.entries(answers).map(([key, value]) => {
      const question = settings.questions.find((q) => q.key === key);
      const option = question?.options.find((o) => o.key === value);
      return {
        question: question?.prompt[lang] ?? key,
        answer: value === DECLINED ? DECLINED : (option?.label[lang] ?? value),
      };
    }),
  };
}
