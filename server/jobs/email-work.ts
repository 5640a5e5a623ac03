import type { Deps } from '../deps.js';
import { type Mailer, smtpMailer } from '../domain/email/mailer.js';
import { sweepOutbox } from '../domain/email/outbox-sweep.js';
import { sendDueReminders } from '../domain/email/reminders.js';
import { sendEmailFailed, sendEmailJob } from './send-email.js';

/**
 * In a process that runs jobs, with email on: the send-email handler, the outbox sweep (lost
 * jobs, dead senders) and the reminder sweep. Call before the queue starts; returns a stop function.
 */
export function runEmailWork(deps: Deps, mailer?: Mailer): () => void {
  const email = deps.config.email;
  if (!email) return () => {};
  const transport = mailer ?? smtpMailer(email.smtpUrl, email.from);
  deps.jobs.handle('send-email', sendEmailJob(deps, transport), {
    onFailed: sendEmailFailed(deps),
  });
  const every = (seconds: number, work: () => Promise<unknown>, what: string) => {
    const run = () => void work().catch((err: Error) => deps.log.warn({ err }, `${what} failed`));
    // After start, so that the queue's handlers are in place.
    const first = setTimeout(run, 1000);
    const timer = setInterval(run, seconds * 1000);
    first.unref();
    timer.unref();
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  };
  const stops = [
    every(Math.min(15, deps.config.jobLockSeconds), () => sweepOutbox(deps), 'outbox sweep'),
    every(deps.config.reminderSweepSeconds, () => sendDueReminders(deps), 'reminder sweep'),
  ];
  return () => {
    for (const stop of stops) stop();
    transport.close();
  };
}
