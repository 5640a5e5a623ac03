import { msg } from '@lit/localize';
import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { errorText } from './error-text.js';

/**
 * Loads something for a view and re-renders it: loading, failed (with a retry), or loaded.
 * A reload started later wins over an earlier one still in flight.
 */
export class Loader<T> implements ReactiveController {
  value: T | undefined;
  error = '';
  loading = false;
  #sequence = 0;
  #inFlight: Promise<void> = Promise.resolve();
  #queued: Promise<void> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetch: () => Promise<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  reload(): Promise<void> {
    this.#inFlight = this.#load();
    return this.#inFlight;
  }

  /**
   * A reload for live events, which come in bursts (many candidates finishing): one request in
   * flight and at most one more after it, which sees everything the burst changed.
   */
  refresh(): Promise<void> {
    if (!this.loading) return this.reload();
    this.#queued ??= this.#inFlight.then(() => {
      this.#queued = null;
      return this.reload();
    });
    return this.#queued;
  }

  async #load(): Promise<void> {
    const sequence = ++this.#sequence;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const value = await this.fetch();
      if (sequence === this.#sequence) {
        this.value = value;
        this.error = '';
      }
    } catch (err) {
      if (sequence === this.#sequence) this.error = errorText(err);
    } finally {
      if (sequence === this.#sequence) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Replaces the value locally (a live update) without a request. */
  set(value: T): void {
    this.value = value;
    this.host.requestUpdate();
  }

  render(loaded: (value: T) => unknown): unknown {
    if (this.value !== undefined) return loaded(this.value);
    if (this.error) return this.renderError();
    return html`<p aria-busy="true" role="status">${msg('Loading…', { id: 'ws.loading' })}</p>`;
  }

  renderError(): TemplateResult {
    return html`<div role="alert">
      <p class="error">${this.error}</p>
      <button type="button" @click=${() => this.reload()}>${msg('Try again', { id: 'ws.retry' })}</button>
    </div>`;
  }
}
