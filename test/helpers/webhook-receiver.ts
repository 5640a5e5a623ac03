import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** How the receiver answers a request: a status, after an optional hold. */
export type Responder = (request: ReceivedWebhook, index: number) => number | Promise<number>;

/**
 * A real HTTP receiver on 127.0.0.1 that records every webhook request it gets (headers as sent,
 * raw body) and answers what the test says.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Requests being answered right now (a slow responder holds them). */
  inFlight = 0;
  respond: Responder = () => 204;
  #server: Server | undefined;
  #waiters: { count: number; resolve: () => void }[] = [];

  async start(): Promise<string> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  get port(): number {
    return (this.#server!.address() as AddressInfo).port;
  }

  async #handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const request: ReceivedWebhook = {
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(',') : (v ?? ''),
        ]),
      ),
      body: Buffer.concat(parts).toString('utf8'),
      at: Date.now(),
    };
    const index = this.received.length;
    this.received.push(request);
    this.inFlight++;
    try {
      res.statusCode = await this.respond(request, index);
    } catch {
      res.statusCode = 500;
    } finally {
      this.inFlight--;
    }
    res.end();
    for (const waiter of [...this.#waiters])
      if (this.received.length >= waiter.count) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
  }

  /** Resolves once `count` requests have been answered in all. */
  waitFor(count: number, timeoutMs = 60_000): Promise<void> {
    if (this.received.length >= count && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`got ${this.received.length} of ${count} webhooks`)),
        timeoutMs,
      );
      this.#waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Parsed bodies of requests of one event type. */
  events(type?: string): { id: string; body: any }[] {
    return this.received
      .map((r) => ({ id: r.headers['webhook-id']!, body: JSON.parse(r.body) }))
      .filter((e) => !type || e.body.type === type);
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }
}
