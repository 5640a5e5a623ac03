import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  lang: string | null;
  raw: ParsedMail;
  at: number;
}

/**
 * A real SMTP server in the test process (the receiving side): every message the app sends
 * arrives here over TCP and is parsed with mailparser. `refuse(address, n, code)` makes it answer
 * the next n messages to that address with that reply (451: try later; 550: refused for good).
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  readonly #refusals = new Map<string, { count: number; code: number; message?: string }>();
  #waiters: (() => void)[] = [];
  #server: SMTPServer;
  port = 0;

  constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const refusal = session.envelope.rcptTo
          .map((r) => this.#refusals.get(r.address.toLowerCase()))
          .find((r) => r && r.count > 0);
        if (refusal) {
          refusal.count--;
          stream.resume();
          const { code, message } = refusal;
          stream.on('end', () => {
            const err = new Error(
              message ??
                (code >= 500 ? 'Mailbox unavailable: no such user here' : 'Try again later'),
            ) as Error & { responseCode: number };
            err.responseCode = code;
            callback(err);
          });
          return;
        }
        simpleParser(stream).then(
          (mail) => {
            this.received.push({
              to: Array.isArray(mail.to) ? mail.to[0]!.text : (mail.to?.text ?? ''),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              lang:
                typeof mail.html === 'string'
                  ? (/<html lang="(\w+)"/.exec(mail.html)?.[1] ?? null)
                  : null,
              raw: mail,
              at: Date.now(),
            });
            callback();
            for (const wake of this.#waiters.splice(0)) wake();
          },
          (err: Error) => callback(err),
        );
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuses the next `count` messages to this address with this reply code (and words). */
  refuse(address: string, count: number, code: number, message?: string): void {
    this.#refusals.set(address.toLowerCase(), { count, code, message });
  }

  /** Messages to this address, oldest first. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  /** Waits until `predicate` holds for the received messages (or fails after timeoutMs). */
  async waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      if (Date.now() > end)
        throw new Error(
          `SMTP server: condition not met; ${this.received.length} message(s) received`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/** The candidate link in a message's text. */
export function linkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/\S+\/i\/[A-Za-z0-9_-]{43}/.exec(mail.text);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return match[0];
}
