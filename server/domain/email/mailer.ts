import type { Transporter } from 'nodemailer';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends one message; resolves once the SMTP server accepted it. */
export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** An SMTP error: `permanent` for a 5xx reply (retrying cannot help), `reply` for staff to read. */
export class SmtpError extends Error {
  constructor(
    readonly reply: string,
    readonly permanent: boolean,
  ) {
    super(reply);
    this.name = 'SmtpError';
  }
}

/**
 * Mail servers often quote the recipient in their reply ("550 <ana@example.org>: unknown").
 * Replies are stored (outbox, jobs) and logged, which would keep the address after the
 * candidate is erased: every address in the words becomes "<recipient>".
 */
export function redactAddresses(reply: string): string {
  return reply.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g, '<recipient>');
}

const POOL_DEFAULTS = {
  pool: 'true',
  maxConnections: '4',
  connectionTimeout: '10000',
  greetingTimeout: '10000',
  socketTimeout: '20000',
};

/** nodemailer over SMTP, with a small pool of kept-alive connections and short timeouts. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  // Pooled connections are kept alive between messages (no handshake per message); the URL's
  // query string may tune them (?pool=true&maxConnections=4…); short timeouts keep a dead server
  // from holding a job.
  const url = new URL(smtpUrl);
  for (const [name, value] of Object.entries(POOL_DEFAULTS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  // nodemailer (some 6 MB of heap) is loaded with the first message, not by every server.
  let transport: Promise<Transporter> | undefined;
  const connected = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(url.toString(), { from }),
    ));
  return {
    async send(message) {
      const smtp = await connected();
      try {
        await smtp.sendMail({
          from,
          ...message,
          disableFileAccess: true,
          disableUrlAccess: true,
        });
      } catch (err) {
        const e = err as { responseCode?: number; response?: string; message?: string };
        // The server's own words (e.g. "550 5.1.1 mailbox unavailable"), never our credentials.
        const reply = redactAddresses(
          e.response ?? e.message ?? 'The mail server could not be reached.',
        ).slice(0, 500);
        throw new SmtpError(reply, typeof e.responseCode === 'number' && e.responseCode >= 500);
      }
    },
    close: () => void transport?.then((smtp) => smtp.close()),
  };
}
