import type { Deps } from '../../deps.js';
import { newId } from '../../ids.js';
import type { SendOutcome } from './send-message.js';

export interface FinishedAttempt {
  message: { id: string; endpointId: string; attempts: number };
  claimedAt: string;
  outcome: SendOutcome;
}

/**
 * Records finished attempts: each attempt's row and its message's new state (delivered, retried
 * later, failed; 410 also disables the endpoint). Attempts that finish in the same turn of the
 * event loop are written in one transaction, so a burst costs a few commits, not one per event.
 */
export class AttemptRecorder {
  #queue: { attempt: FinishedAttempt; done: (err?: Error) => void }[] = [];
  #scheduled = false;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'log'>,
    private readonly retryDelaysMs: readonly number[],
  ) {}

  record(attempt: FinishedAttempt): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ attempt, done: (err) => (err ? reject(err) : resolve()) });
      if (this.#scheduled) return;
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.#writing = this.#writing.then(() => this.#write());
      });
    });
  }

  async #write(): Promise<void> {
    const batch = this.#queue.splice(0, this.#queue.length);
    if (batch.length === 0) return;
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('webhookAttempts')
          .values(
            batch.map(({ attempt: { message, outcome } }) => ({
              id: newId(),
              messageId: message.id,
              endpointId: message.endpointId,
              attempt: message.attempts,
              status: outcome.delivered ? ('delivered' as const) : ('failed' as const),
              responseStatus: outcome.responseStatus,
              error: outcome.error,
              at: new Date().toISOString(),
            })),
          )
          .execute();
        for (const { attempt } of batch) {
          const { message, claimedAt, outcome } = attempt;
          // Only while this process still holds the claim it sent under.
          await trx
            .updateTable('webhookMessages')
            .set({ ...this.#nextState(message.attempts, outcome), claimedAt: null })
            .where('id', '=', message.id)
            .where('status', '=', 'sending')
            .where('claimedAt', '=', claimedAt)
            .execute();
          if (outcome.responseStatus === 410) {
            // 410 Gone: the receiver says it will never want these again (Standard Webhooks).
            await trx
              .updateTable('webhookEndpoints')
              .set({ enabled: 0, disabledReason: 'gone', updatedAt: new Date().toISOString() })
              .where('id', '=', message.endpointId)
              .execute();
          }
        }
      });
      for (const b of batch) b.done();
    } catch (err) {
      for (const b of batch) b.done(err as Error);
    }
  }

  #nextState(attempts: number, outcome: SendOutcome) {
    const now = Date.now();
    if (outcome.delivered)
      return { status: 'delivered' as const, deliveredAt: new Date(now).toISOString() };
    const retryIn = this.retryDelaysMs[attempts - 1];
    if (outcome.responseStatus === 410 || retryIn === undefined)
      return { status: 'failed' as const };
    return {
      status: 'pending' as const,
      nextAttemptAt: new Date(now + retryIn).toISOString(),
    };
  }
}
