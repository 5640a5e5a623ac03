import type { Kysely } from 'kysely';
import type { EmailKind, Language } from '../../contracts/programmes.js';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { newId } from '../../ids.js';
import { type EmailVars, renderEmail } from './templates.js';

export interface NewEmail {
  invitationId: string;
  kind: EmailKind;
  to: string;
  language: Language;
  vars: EmailVars;
  /** A message that must go at most once (a reminder) names itself; a second one is dropped. */
  dedupeKey?: string;
}

/**
 * How long a claim on a message holds. A claim older than this belongs to a process that died
 * while sending (after the SMTP server may have accepted the message): the message is sent
 * again, which is the only way a duplicate can happen. It is the job lock of the queue, so a
 * job taken over from a dead worker finds the claim already stale.
 */
export function claimLeaseMs(deps: Deps): number {
  return deps.config.jobLockSeconds * 1000;
}

/** Email is on when SMTP_URL and MAIL_FROM are both set. */
export function emailEnabled(deps: Pick<Deps, 'config'>): boolean {
  return deps.config.email !== null;
}

/**
 * Writes a message to the outbox, in the caller's transaction, so that the message exists if and
 * only if what it announces does. Returns its id, or null when its dedupe key was already used.
 */
export async function queueEmail(
  db: Kysely<Database>,
  email: NewEmail,
  _now: Date,
): Promise<string | null> {
  const id = newId();
  const rendered = renderEmail(email.kind, email.language, email.vars);
  // Outbox times are operational (when to retry, what looks lost): real time, not a test clock.
  const at = new Date().toISOString();
  const result = await db
    .insertInto('emailOutbox')
    .values({
      id,
      invitationId: email.invitationId,
      kind: email.kind,
      dedupeKey: email.dedupeKey ?? null,
      toAddress: email.to,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      status: 'queued',
      attempts: 0,
      claimedAt: null,
      sentAt: null,
      lastError: null,
      createdAt: at,
      updatedAt: at,
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 1n) > 0n ? id : null;
}

/**
 * Hands committed messages to the job queue without making the caller wait: an API call never
 * blocks or fails on email. A message whose job could not be queued (Redis away) stays `queued`
 * in the outbox, and the outbox sweep queues it again.
 */
export function dispatchEmails(deps: Deps, messageIds: (string | null)[]): void {
  const ids = messageIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return;
  void (async () => {
    for (const messageId of ids) {
      await deps.jobs
        .enqueue('send-email', { messageId }, { jobId: messageId })
        .catch((err: Error) =>
          deps.log.warn({ err, messageId }, 'email job not queued; the outbox sweep will retry'),
        );
    }
  })();
}
