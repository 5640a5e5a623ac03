import { hashCandidateToken, newCandidateToken } from '../../auth/candidate-tokens.js';
import type { ApplicationRequest, ApplicationResult } from '../../contracts/programmes.js';
import { interviewTitleIn } from '../../contracts/translations.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Deps } from '../../deps.js';
import { AppError, ExpiredError, InputError } from '../../errors.js';
import { newId } from '../../ids.js';
import { dispatchEmails, emailEnabled, queueEmail } from '../email/outbox.js';
import { addExtraLink, revokeExtraLinks } from '../invitations/extra-links.js';
import { emitWebhookEvent } from '../webhooks/outbox.js';
import {
  assertApplicationMailAllowed,
  RESENDS_PER_DAY,
  resendsInLastDay,
} from './application-mail-limits.js';
import { loadOpenProgramme, locationClosesAt, type OpenProgramme } from './public-programme.js';

export class NotEligibleError extends AppError {
  constructor(message: string) {
    super(422, 'not_eligible', message);
  }
}

/**
 * A public application: check → (nothing stored unless eligible and open) → one invitation per
 * person and programme → its link by email. With email on, the answer is the same whether the
 * address was known or not, so the form tells nobody who applied.
 */
export async function apply(
  deps: Deps,
  slug: string,
  input: ApplicationRequest,
): Promise<ApplicationResult> {
  const programme = await loadOpenProgramme(deps, slug);
  const location = programme.settings.locations.find((l) => l.key === input.locationKey);
  if (!location) {
    throw new InputError('Choose one of the programme’s locations.', [
      { path: 'locationKey', message: 'is not one of the locations' },
    ]);
  }
  const ownKeys = new Set(programme.settings.eligibility.map((q) => q.key));
  const foreign = Object.keys(input.eligibility).filter((k) => !ownKeys.has(k));
  if (foreign.length > 0) {
    throw new InputError(
      'Answer only the programme’s questions.',
      foreign.map((k) => ({
        path: `eligibility.${k}`,
        message: 'is not a question of this programme',
      })),
    );
  }
  const missing = programme.settings.eligibility.filter(
    (q) => typeof input.eligibility[q.key] !== 'boolean',
  );
  if (missing.length > 0) {
    throw new InputError(
      'Answer every question.',
      missing.map((q) => ({ path: `eligibility.${q.key}`, message: 'is required' })),
    );
  }
  const expiresAt = locationClosesAt(location.deadline, programme.deadline);
  const now = deps.now();
  if (expiresAt <= now.toISOString()) {
    throw new ExpiredError(`Applications for ${location.name} closed on ${expiresAt}.`);
  }
  if (programme.settings.eligibility.some((q) => input.eligibility[q.key] !== q.requiredAnswer)) {
    throw new NotEligibleError(
      'Thank you for your interest. This programme is only open to people who answer yes to ' +
        'each question, so we cannot take your application this time. Nothing you entered was kept.',
    );
  }
  // The honeypot: a bot is told what a person would be told, and nothing happens.
  if (input.website) {
    return { status: 'sent' };
  }
  return emailEnabled(deps)
    ? applyWithEmail(deps, programme, input, expiresAt)
    : applyWithoutEmail(deps, programme, input, expiresAt);
}

function applicationKey(interviewId: string, email: string): string {
  return `${interviewId} ${email}`;
}

async function applyWithEmail(
  deps: Deps,
  programme: OpenProgramme,
  input: ApplicationRequest,
  expiresAt: string,
): Promise<ApplicationResult> {
  await assertApplicationMailAllowed(deps, programme.interviewId);
  const token = newCandidateToken();
  const key = applicationKey(programme.interviewId, input.email);
  const language = input.language ?? 'en';
  const now = deps.now();
  // The name is whatever a stranger typed: it stays out of the mail, which must not carry
  // their words to someone else's inbox (API.md "Public apply").
  const send = (trx: Parameters<typeof queueEmail>[0], invitationId: string) =>
    queueEmail(
      trx,
      {
        invitationId,
        kind: 'application',
        to: input.email,
        language,
        vars: {
          name: '',
          interviewTitle: interviewTitleIn(programme, language),
          url: linkOf(deps, token),
          closesAt: expiresAt,
        },
      },
      now,
    );
  const reissue = () =>
    deps.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('invitations')
        .select(['id', 'status'])
        .where('applicationKey', '=', key)
        .executeTakeFirst();
      // Finished (or gone meanwhile): there is nothing a new link could do.
      if (!existing || existing.status === 'completed') return null;
      // Whoever knows the address may ask again and again: the mailbox gets a few, then nothing.
      if ((await resendsInLastDay(trx, existing.id)) >= RESENDS_PER_DAY) return null;
      // Not started: a fresh link for the same invitation, the earlier ones stop at once. The
      // condition holds the line against a candidate starting this very instant.
      const replaced =
        existing.status === 'invited' &&
        (
          await trx
            .updateTable('invitations')
            .set({ tokenHash: hashCandidateToken(token), linkIssuedBy: null })
            .where('id', '=', existing.id)
            .where('status', '=', 'invited')
            .executeTakeFirst()
        ).numUpdatedRows > 0n;
      if (replaced) await revokeExtraLinks(trx, existing.id);
      // Started: one more link, and the candidate's own keeps working mid-interview.
      else await addExtraLink(trx, existing.id, now, token);
      return send(trx, existing.id);
    });

  const known = await deps.db
    .selectFrom('invitations')
    .select('id')
    .where('applicationKey', '=', key)
    .executeTakeFirst();
  let messageId: string | null;
  if (known) messageId = await reissue();
  else {
    try {
      messageId = await deps.db.transaction().execute(async (trx) => {
        const invitationId = await insertApplication(trx, deps, programme, input, {
          token,
          expiresAt,
          applicationKey: key,
          duplicateOf: null,
        });
        return send(trx, invitationId);
      });
    } catch (err) {
      // The same person applied twice at the same instant: the unique key let one in.
      if (!isUniqueViolation(err)) throw err;
      messageId = await reissue();
    }
  }
  dispatchEmails(deps, [messageId]);
  return { status: 'sent' };
}

/**
 * Without email the link is shown on the page: it must never be handed again to whoever types a
 * known address, so a repeated address gets its own invitation, marked for organisers.
 */
async function applyWithoutEmail(
  deps: Deps,
  programme: OpenProgramme,
  input: ApplicationRequest,
  expiresAt: string,
): Promise<ApplicationResult> {
  const token = newCandidateToken();
  const key = applicationKey(programme.interviewId, input.email);
  for (let attempt = 0; ; attempt++) {
    const first = await deps.db
      .selectFrom('invitations')
      .select('id')
      .where('applicationKey', '=', key)
      .executeTakeFirst();
    try {
      const invitationId = await deps.db.transaction().execute((trx) =>
        insertApplication(trx, deps, programme, input, {
          token,
          expiresAt,
          applicationKey: first ? null : key,
          duplicateOf: first?.id ?? null,
        }),
      );
      // Staff pages on this interview gain the row and the count live (issue 21 item 7).
      deps.events.publish('invitation-status', { invitationId, status: 'invited' });
      return { status: 'created', url: linkOf(deps, token) };
    } catch (err) {
      if (!isUniqueViolation(err) || attempt > 0) throw err;
    }
  }
}

async function insertApplication(
  trx: Parameters<typeof queueEmail>[0],
  deps: Deps,
  programme: OpenProgramme,
  input: ApplicationRequest,
  options: {
    token: string;
    expiresAt: string;
    applicationKey: string | null;
    duplicateOf: string | null;
  },
): Promise<string> {
  const createdAt = deps.now().toISOString();
  const candidateId = newId();
  const invitationId = newId();
  await trx
    .insertInto('candidates')
    .values({ id: candidateId, name: input.name, email: input.email, createdAt })
    .execute();
  await trx
    .insertInto('invitations')
    .values({
      id: invitationId,
      interviewId: programme.interviewId,
      candidateId,
      tokenHash: hashCandidateToken(options.token),
      status: 'invited',
      expiresAt: options.expiresAt,
      startedAt: null,
      completedAt: null,
      createdAt,
      source: 'applied',
      duplicateOf: options.duplicateOf,
      locationKey: input.locationKey,
      language: input.language ?? 'en',
      application: JSON.stringify({ eligibility: input.eligibility, consentAt: createdAt }),
      applicationKey: options.applicationKey,
    })
    .execute();
  const ids = { interviewId: programme.interviewId, invitationId };
  await emitWebhookEvent(deps, 'invitation.created', ids, trx);
  return invitationId;
}

function linkOf(deps: Deps, token: string): string {
  return `${deps.config.publicUrl}/i/${token}`;
}
