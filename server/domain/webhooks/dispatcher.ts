import type { Dispatcher } from 'undici';
import type { Deps } from '../../deps.js';
import { guardedAgent } from './address-guard.js';
import { AttemptRecorder } from './attempt-recorder.js';
import { sendWebhookMessage } from './send-message.js';

export interface WebhookDispatcherOptions {
  /** Messages in flight at once in this process: the webhook lane, apart from media jobs. */
  concurrency: number;
  /** Waits after try 1, 2, …; after the last, the message is `failed`. */
  retryDelaysMs: readonly number[];
  allowPrivate: boolean;
  /** How often due messages are looked for (events from other processes, retries come due). */
  pollMs?: number;
  /** A claim older than this belongs to a process that died mid-send: the message goes again. */
  leaseMs?: number;
  /**
   * The only process sending (embedded mode): claims left at start are a dead run's, taken back
   * at once rather than after the lease.
   */
  soleSender?: boolean;
}

/** Due messages looked at per round. */
const WINDOW = 100;

/**
 * Delivers the webhook outbox with its own concurrency, not through the media job queue, so a
 * burst of transcodes never delays an event (and a slow receiver never holds a media slot).
 *
 * Delivery guarantee: a message is claimed by a conditional update before the POST and marked
 * delivered by the next statement after the 2xx; a restart resumes every `pending` message and,
 * once the lease has run out, every one claimed by a process that died. So nothing is lost; a
 * second delivery needs the process to die in the instant between the receiver's 2xx and that
 * update, and carries the same `webhook-id`, which Standard Webhooks receivers de-duplicate on.
 */
export class WebhookDispatcher {
  readonly #running = new Set<Promise<void>>();
  readonly #perEndpoint = new Map<string, number>();
  readonly #agent: Dispatcher;
  readonly #opts: Required<WebhookDispatcherOptions>;
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;
  #pumping = false;
  #again = false;
  #staleCheckedAt = 0;
  readonly #recorder: AttemptRecorder;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'log'>,
    options: WebhookDispatcherOptions,
  ) {
    this.#opts = { pollMs: 250, leaseMs: 60_000, soleSender: false, ...options };
    this.#recorder = new AttemptRecorder(deps, options.retryDelaysMs);
    this.#agent = guardedAgent({
      allowPrivate: options.allowPrivate,
      connections: options.concurrency,
    });
  }

  async start(): Promise<void> {
    if (this.#opts.soleSender)
      await this.deps.db
        .updateTable('webhookMessages')
        .set({ status: 'pending', claimedAt: null })
        .where('status', '=', 'sending')
        .execute();
    this.#stopped = false;
    this.#timer = setInterval(() => this.wake(), this.#opts.pollMs);
    this.#timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await Promise.allSettled([...this.#running]);
    await this.#agent.close().catch(() => {});
  }

  /** Looks for due messages now (called after an event is recorded in this process). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    this.#pump()
      .catch((err: Error) => this.deps.log.warn({ err }, 'webhook outbox could not be read'))
      .finally(() => {
        this.#pumping = false;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  /** One endpoint may hold at most half the lane: a slow receiver cannot starve the others. */
  get #endpointShare(): number {
    return Math.max(1, Math.ceil(this.#opts.concurrency / 2));
  }

  #fullEndpoints(): string[] {
    return [...this.#perEndpoint]
      .filter(([, held]) => held >= this.#endpointShare)
      .map(([id]) => id);
  }

  async #pump(): Promise<void> {
    if (Date.now() - this.#staleCheckedAt > this.#opts.leaseMs / 4) {
      this.#staleCheckedAt = Date.now();
      await this.#releaseStaleClaims();
    }
    while (!this.#stopped && this.#running.size < this.#opts.concurrency) {
      const now = new Date().toISOString();
      const due = await this.deps.db
        .selectFrom('webhookMessages')
        .innerJoin('webhookEndpoints', 'webhookEndpoints.id', 'webhookMessages.endpointId')
        .select(['webhookMessages.id', 'webhookMessages.endpointId'])
        .where('webhookMessages.status', '=', 'pending')
        .where('webhookMessages.nextAttemptAt', '<=', now)
        .where('webhookEndpoints.enabled', '=', 1)
        // Endpoints already holding their share (a slow receiver) are not even looked at.
        .$if(this.#fullEndpoints().length > 0, (q) =>
          q.where('webhookMessages.endpointId', 'not in', this.#fullEndpoints()),
        )
        .orderBy('webhookMessages.nextAttemptAt')
        .limit(WINDOW)
        .execute();
      // As many as there are free slots, no endpoint beyond its share.
      const taking = new Map<string, number>();
      const picked: string[] = [];
      for (const message of due) {
        if (this.#running.size + picked.length >= this.#opts.concurrency) break;
        const held =
          (this.#perEndpoint.get(message.endpointId) ?? 0) + (taking.get(message.endpointId) ?? 0);
        if (held >= this.#endpointShare) continue;
        taking.set(message.endpointId, (taking.get(message.endpointId) ?? 0) + 1);
        picked.push(message.id);
      }
      if (picked.length === 0) return;
      const claimedAt = new Date().toISOString();
      // One statement claims them all; a message another process took first is not returned.
      const claimed = await this.deps.db
        .updateTable('webhookMessages')
        .set((eb) => ({ status: 'sending', claimedAt, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', picked)
        .where('status', '=', 'pending')
        .returning(['id', 'endpointId', 'body', 'attempts'])
        .execute();
      if (claimed.length === 0) return;
      const endpoints = new Map(
        (
          await this.deps.db
            .selectFrom('webhookEndpoints')
            .select(['id', 'url', 'secret'])
            .where('id', 'in', [...new Set(claimed.map((m) => m.endpointId))])
            .execute()
        ).map((e) => [e.id, e]),
      );
      for (const message of claimed) {
        const endpoint = endpoints.get(message.endpointId);
        if (!endpoint) continue; // deleted meanwhile, with its outbox
        this.#track(
          message.endpointId,
          this.#deliver({ ...message, ...endpoint, id: message.id }, claimedAt),
        );
      }
    }
  }

  #track(endpointId: string, work: Promise<void>): void {
    this.#perEndpoint.set(endpointId, (this.#perEndpoint.get(endpointId) ?? 0) + 1);
    const run: Promise<void> = work
      .catch((err: Error) => this.deps.log.error({ err }, 'webhook delivery failed to record'))
      .finally(() => {
        this.#running.delete(run);
        const left = (this.#perEndpoint.get(endpointId) ?? 1) - 1;
        if (left > 0) this.#perEndpoint.set(endpointId, left);
        else this.#perEndpoint.delete(endpointId);
        this.wake();
      });
    this.#running.add(run);
  }

  /** Claims of processes that died mid-send go back to `pending`. */
  async #releaseStaleClaims(): Promise<void> {
    const staleBefore = new Date(Date.now() - this.#opts.leaseMs).toISOString();
    await this.deps.db
      .updateTable('webhookMessages')
      .set({ status: 'pending', claimedAt: null })
      .where('status', '=', 'sending')
      .where('claimedAt', '<', staleBefore)
      .execute();
  }

  async #deliver(
    message: {
      id: string;
      endpointId: string;
      attempts: number;
      body: string;
      url: string;
      secret: string;
    },
    claimedAt: string,
  ): Promise<void> {
    const outcome = await sendWebhookMessage(this.#agent, message, this.#opts.allowPrivate);
    if (!outcome.delivered)
      this.deps.log.info(
        { messageId: message.id, attempt: message.attempts, status: outcome.responseStatus },
        'webhook attempt failed',
      );
    await this.#recorder.record({ message, claimedAt, outcome });
  }
}
