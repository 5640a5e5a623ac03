import type { Dispatcher } from 'undici';
import type { Deps } from '../../deps.js';
import { newId } from '../../ids.js';
import { guardedAgent } from './address-guard.js';
import { type SendOutcome, sendWebhookMessage } from './send-message.js';

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

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'log'>,
    options: WebhookDispatcherOptions,
  ) {
    this.#opts = { pollMs: 250, leaseMs: 60_000, soleSender: false, ...options };
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

  async #pump(): Promise<void> {
    await this.#releaseStaleClaims();
    while (!this.#stopped && this.#running.size < this.#opts.concurrency) {
      const now = new Date().toISOString();
      const due = await this.deps.db
        .selectFrom('webhookMessages')
        .innerJoin('webhookEndpoints', 'webhookEndpoints.id', 'webhookMessages.endpointId')
        .select(['webhookMessages.id', 'webhookMessages.endpointId'])
        .where('webhookMessages.status', '=', 'pending')
        .where('webhookMessages.nextAttemptAt', '<=', now)
        .where('webhookEndpoints.enabled', '=', 1)
        .orderBy('webhookMessages.nextAttemptAt')
        .limit(WINDOW)
        .execute();
      let started = 0;
      for (const message of due) {
        if (this.#stopped || this.#running.size >= this.#opts.concurrency) break;
        if ((this.#perEndpoint.get(message.endpointId) ?? 0) >= this.#endpointShare) continue;
        const claimedAt = await this.#claim(message.id);
        if (!claimedAt) continue;
        started++;
        this.#track(message.endpointId, this.#deliver(message.id, claimedAt));
      }
      if (started === 0) return;
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

  /** Takes a message for this process; the claim time identifies this claim. */
  async #claim(messageId: string): Promise<string | null> {
    const claimedAt = new Date().toISOString();
    const result = await this.deps.db
      .updateTable('webhookMessages')
      .set((eb) => ({ status: 'sending', claimedAt, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', messageId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? claimedAt : null;
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

  async #deliver(messageId: string, claimedAt: string): Promise<void> {
    const message = await this.deps.db
      .selectFrom('webhookMessages')
      .innerJoin('webhookEndpoints', 'webhookEndpoints.id', 'webhookMessages.endpointId')
      .select([
        'webhookMessages.id',
        'webhookMessages.body',
        'webhookMessages.attempts',
        'webhookMessages.endpointId',
        'webhookEndpoints.url',
        'webhookEndpoints.secret',
      ])
      .where('webhookMessages.id', '=', messageId)
      .executeTakeFirst();
    if (!message) return; // the endpoint was deleted meanwhile
    const outcome = await sendWebhookMessage(this.#agent, message, this.#opts.allowPrivate);
    await this.#record(message, claimedAt, outcome);
  }

  /** The attempt and the message's new state, in one transaction. */
  async #record(
    message: { id: string; endpointId: string; attempts: number },
    claimedAt: string,
    outcome: SendOutcome,
  ): Promise<void> {
    const at = new Date();
    const gone = outcome.responseStatus === 410;
    const retryIn = this.#opts.retryDelaysMs[message.attempts - 1];
    const next = outcome.delivered
      ? ({ status: 'delivered', deliveredAt: at.toISOString() } as const)
      : gone || retryIn === undefined
        ? ({ status: 'failed' } as const)
        : ({
            status: 'pending',
            nextAttemptAt: new Date(at.getTime() + retryIn).toISOString(),
          } as const);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhookAttempts')
        .values({
          id: newId(),
          messageId: message.id,
          endpointId: message.endpointId,
          attempt: message.attempts,
          status: outcome.delivered ? 'delivered' : 'failed',
          responseStatus: outcome.responseStatus,
          error: outcome.error,
          at: at.toISOString(),
        })
        .execute();
      await trx
        .updateTable('webhookMessages')
        .set({ ...next, claimedAt: null })
        .where('id', '=', message.id)
        .where('status', '=', 'sending')
        .where('claimedAt', '=', claimedAt)
        .execute();
      if (gone) {
        // 410 Gone: the receiver says it will never want these again (Standard Webhooks).
        await trx
          .updateTable('webhookEndpoints')
          .set({ enabled: 0, disabledReason: 'gone', updatedAt: at.toISOString() })
          .where('id', '=', message.endpointId)
          .execute();
      }
    });
    if (!outcome.delivered)
      this.deps.log.info(
        { messageId: message.id, attempt: message.attempts, status: outcome.responseStatus },
        'webhook attempt failed',
      );
  }
}
