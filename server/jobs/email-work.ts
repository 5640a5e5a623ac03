import type { Deps } from '../deps.js';
import { type Mailer, smtpMailer } from '../domain/email/mailer.js';
import { sendEmailFailed, sendEmailJob } from './send-email.js';

/**
 * In a process that runs jobs, with email on: the send-email handler (the outbox and reminder
 * sweeps are in schedules.ts). Call before the queue starts; returns a function that closes the
 * SMTP transport.
 */
export function runEmailWork(deps: Deps, mailer?: Mailer): () => void {
  const email = deps.config.email;
  if (!email) return () => {};
  const transport = mailer ?? smtpMailer(email.smtpUrl, email.from);
  deps.jobs.handle('send-email', sendEmailJob(deps, transport), {
    onFailed: sendEmailFailed(deps),
  });
  return () => transport.close();
}
