import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Answer } from '../../../server/contracts/api.js';
import { announce } from '../events.js';
import { canWaitForConnection } from '../messages.js';
import type { UploadController } from '../upload/upload-controller.js';
import { WakeableSleep } from '../upload/wakeable-sleep.js';

/**
 * Creates a question's take on the server before its prompt is shown. Offline, it waits for the
 * connection (retrying every 5 s, at once when the browser says it is back or the candidate
 * asks), so that being offline never buys extra time to think. A take created but never
 * recorded is given back: the uploader abandons it, so it costs no attempt.
 */
export class TakePreparation implements ReactiveController {
  /** The take created for the next recording, not yet handed to it. */
  prepared: Answer | null = null;
  /** Creating it failed for want of a connection: the prompt stays hidden. */
  waitingForConnection = false;
  private readonly connectionBack = new WakeableSleep();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly uploads: () => UploadController | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    this.connectionBack.wake();
  }

  private readonly onOnline = () => this.connectionBack.wake();

  /**
   * True once the take exists; false when the host left while waiting. An error that a
   * returning connection would not fix is thrown, for the candidate to read.
   */
  async create(questionId: string, mimeType: string): Promise<boolean> {
    for (;;) {
      try {
        this.prepared = await this.uploads()!.beginTake(questionId, mimeType);
        this.setWaiting(false);
        return true;
      } catch (err) {
        if (!canWaitForConnection(err)) {
          this.setWaiting(false);
          throw err;
        }
        if (!this.waitingForConnection) {
          announce(
            this.host,
            msg('Waiting for the connection. The question stays hidden until it returns.', {
              id: 'rec.prepare.waiting',
            }),
          );
        }
        this.setWaiting(true);
        await this.connectionBack.until(5000);
        if (!this.host.isConnected) return false;
      }
    }
  }

  /** The candidate asks to try at once rather than wait for the next automatic attempt. */
  retry(): void {
    this.connectionBack.wake();
  }

  /** Hands the prepared take to the recording that starts now (null when there is none). */
  take(): Answer | null {
    const answer = this.prepared;
    this.prepared = null;
    return answer;
  }

  giveBack(answer: Answer): void {
    this.prepared = null;
    void this.uploads()!
      .endTake(answer.id, 0, true)
      .catch(() => undefined);
  }

  private setWaiting(waiting: boolean): void {
    this.waitingForConnection = waiting;
    this.host.requestUpdate();
  }
}
