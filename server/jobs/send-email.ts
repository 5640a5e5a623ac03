import type { Deps } from '../deps.js';
import { type Mailer, redactAddresses, SmtpError } from '../domain/email/mailer.js';
import { claimLeaseMs } from '../domain/email/outbox.js';
import type { JobHandler, JobHandlerOptions } from './job-queue.js';
import { PermanentJobError } from './job-queue.js';

/**
 * Delivers one outbox message. "Sent once": the message is claimed by a conditional update
 * before the SMTP conversation and marked sent by the very next statement after the server's
 * 250 reply, so a duplicate needs a process to die between those two points.
 */
export function sendEmailJob(deps: Deps, mailer: Mailer): JobHandler<'send-email'> {
  return async ({ messageId }) => {
    // Claims are about processes being alive: real time, not the business clock.
    const now = new Date();
    const staleBefore = new Date(now.getTime() - claimLeaseMs(deps)).toISOString();
    const claimed = await deps.db
      .updateTable('emailOutbox')
      .set((eb) => ({
        status: 'sending',
        claimedAt: now.toISOString(),
        attempts: eb('attempts', '+', 1),
        updatedAt: now.toISOString(),
      }))
      .where('id', '=', messageId)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'sending'), eb('claimedAt', '<', staleBefore)]),
        ]),
      )
      .executeTakeFirst();
    // Sent, failed for good, or in another process's hands right now: nothing to do here.
    if (claimed.numUpdatedRows === 0n) return;
    const message = await deps.db
      .selectFrom('emailOutbox')
      .select(['toAddress', 'subject', 'textBody', 'htmlBody'])
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    try {
      await mailer.send({
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody ?? '',
        html: message.htmlBody ?? '',
      });
    } catch (err) {
      const smtp =
        err instanceof SmtpError ? err : new SmtpError(redactAddresses(String(err)), false);
      await deps.db
        .updateTable('emailOutbox')
        .set({
          status: smtp.permanent ? 'failed' : 'queued',
          lastError: smtp.reply,
          claimedAt: null,
          updatedAt: new Date().toISOString(),
          // Failed for good: the bodies (which carry a working link) will never be sent.
          ...(smtp.permanent ? { textBody: null, htmlBody: null } : {}),
        })
        .where('id', '=', messageId)
        .execute();
      if (smtp.permanent) throw new PermanentJobError(smtp.reply);
      throw smtp;
    }
    // The bodies held the candidate's link: once delivered, nothing needs them.
    await deps.db
      .updateTable('emailOutbox')
      .set({
        status: 'sent',
        sentAt: new Date().toISOString(),
        lastError: null,
        textBody: null,
        htmlBody: null,
        updatedAt: new Date().toISOString(),
      })
      .where('id', '=', messageId)
      .execute();
  };
}

/**
 * After the last try: a message still waiting for a retry is failed, with the SMTP reply kept
 * (addresses removed) and its bodies, which carry a working link, cleared.
 */
export function sendEmailFailed(deps: Deps): JobHandlerOptions<'send-email'>['onFailed'] {
  return async ({ messageId }, error) => {
    await deps.db
      .updateTable('emailOutbox')
      .set((eb) => ({
        status: 'failed',
        lastError: eb.fn.coalesce(
          'lastError',
          eb.val(redactAddresses(error.message).slice(0, 500)),
        ),
        textBody: null,
        htmlBody: null,
        updatedAt: new Date().toISOString(),
      }))
      .where('id', '=', messageId)
      .where('status', '=', 'queued')
      .execute();
  };
}
