import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { RateLimitedError } from '../../errors.js';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** API.md "Public apply": links re-sent to one invitation per 24 h, the first one not counted. */
export const RESENDS_PER_DAY = 3;

/**
 * The public form sends mail to whatever address a stranger types: without a ceiling it is a
 * relay. Application mails queued in the last hour (outbox times are real time) are counted per
 * programme and in all; at either ceiling the application is refused with 429 before anything is
 * stored, and operators are warned once per refusal so they can raise the setting.
 */
export async function assertApplicationMailAllowed(deps: Deps, interviewId: string): Promise<void> {
  const { perProgrammePerHour, perHour } = deps.config.applicationMails;
  const since = new Date(Date.now() - HOUR_MS).toISOString();
  const overall = await deps.db
    .selectFrom('emailOutbox')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('kind', '=', 'application')
    .where('createdAt', '>=', since)
    .executeTakeFirstOrThrow();
  const programme = await deps.db
    .selectFrom('emailOutbox')
    .innerJoin('invitations', 'invitations.id', 'emailOutbox.invitationId')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('emailOutbox.kind', '=', 'application')
    .where('emailOutbox.createdAt', '>=', since)
    .where('invitations.interviewId', '=', interviewId)
    .executeTakeFirstOrThrow();
  const limit =
    Number(programme.n) >= perProgrammePerHour
      ? { setting: 'APPLICATION_MAILS_PER_PROGRAMME_PER_HOUR', value: perProgrammePerHour }
      : Number(overall.n) >= perHour
        ? { setting: 'APPLICATION_MAILS_PER_HOUR', value: perHour }
        : null;
  if (!limit) return;
  deps.log.warn(
    { event: 'application_mail.capped', interviewId, ...limit },
    'application mail ceiling reached: applications are refused until the hour rolls on',
  );
  throw new RateLimitedError(
    'This programme has received a great many applications in the last hour. Please try again later.',
    600,
  );
}

/**
 * How many links were already re-sent to this invitation in the last 24 h: every application
 * mail of the invitation but its first (outbox times, like the mail they count, are real time).
 */
export async function resendsInLastDay(
  trx: Kysely<Database>,
  invitationId: string,
): Promise<number> {
  const mails = await trx
    .selectFrom('emailOutbox')
    .select('createdAt')
    .where('invitationId', '=', invitationId)
    .where('kind', '=', 'application')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const since = new Date(Date.now() - DAY_MS).toISOString();
  return mails.slice(1).filter((m) => m.createdAt >= since).length;
}
