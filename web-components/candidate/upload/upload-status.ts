import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { announce } from '../events.js';
import { percent } from '../format.js';
import { sharedStyles } from '../shared.styles.js';
import type { UploadStatus } from './chunk-uploader.js';

type Situation = 'none' | 'done' | 'sending' | 'offline' | 'halted';

/**
 * One line on the state of the uploads, always in words (not only colour): what is sent, what
 * waits on this device and why. Changes of situation (offline, back, done) are announced once.
 */
@customElement('upload-status')
@localized()
export class UploadStatusLine extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        font-size: var(--t-size-sm);
        color: var(--_muted);
      }
      p {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      progress {
        width: 8rem;
      }
      .halted {
        color: var(--t-ink);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) status!: UploadStatus;
  @property({ type: Boolean }) online = true;
  /** False when recordings are kept in memory only (no IndexedDB). */
  @property({ type: Boolean }) durable = true;
  private lastSituation: Situation | undefined;

  private situation(): Situation {
    const { status } = this;
    if (status.state === 'halted') return 'halted';
    if (!this.online || (status.state === 'offline' && status.pendingChunks > 0)) return 'offline';
    if (status.takes.some((t) => !t.submitted && !t.failure)) return 'sending';
    return status.takes.length > 0 ? 'done' : 'none';
  }

  override updated(changed: PropertyValues<this>): void {
    const now = this.situation();
    const before = this.lastSituation;
    this.lastSituation = now;
    if (before === undefined || before === now || changed.size === 0) return;
    if (now === 'offline') {
      announce(
        this,
        msg('Connection lost. Keep going: your recording is kept on this device.', {
          id: 'rec.upload.went-offline',
        }),
      );
    } else if (before === 'offline') {
      announce(
        this,
        msg('Connection back. Uploading your recording.', { id: 'rec.upload.back-online' }),
      );
    } else if (now === 'halted') {
      announce(this, msg('Uploads have stopped.', { id: 'rec.upload.stopped' }));
    }
  }

  private progress() {
    const open = this.status.takes.filter((t) => !t.submitted && !t.failure);
    const recorded = open.reduce((sum, t) => sum + t.recorded, 0);
    const pending = open.reduce((sum, t) => sum + t.pending, 0);
    const value = percent(recorded - pending, recorded);
    return html`<progress max="100" .value=${value} aria-label=${msg('Upload progress', { id: 'rec.upload.progress' })}></progress>
      <span>${value}%</span>`;
  }

  override render() {
    const megabytes = (this.status.pendingBytes / 1_000_000).toFixed(1);
    switch (this.situation()) {
      case 'halted':
        return html`<p class="halted" role="alert">
          ${msg(str`Uploads have stopped: ${this.status.error?.message ?? ''}`, { id: 'rec.upload.halted' })}
          ${msg('Your recordings stay on this device.', { id: 'rec.upload.kept' })}
        </p>`;
      case 'offline':
        return html`<p>
          <span aria-hidden="true">⚠</span>
          ${
            this.durable
              ? msg(
                  str`Offline. ${megabytes} MB of recording is safe on this device and will upload when the connection returns.`,
                  { id: 'rec.upload.offline' },
                )
              : msg(
                  'Offline. Keep this page open: your recording will upload when the connection returns.',
                  { id: 'rec.upload.offline-memory' },
                )
          }
        </p>`;
      case 'sending':
        // One slice in flight is the normal state while recording: no backlog to show.
        return this.status.pendingChunks <= 1
          ? html`<p>${msg('Uploading as you record: up to date.', { id: 'rec.upload.live' })}</p>`
          : html`<p>${msg(str`Uploading your recording (${megabytes} MB to go)`, { id: 'rec.upload.sending' })} ${this.progress()}</p>`;
      case 'done':
        return html`<p><span><span aria-hidden="true">✓</span> ${msg('Everything you recorded is uploaded.', { id: 'rec.upload.done' })}</span></p>`;
      default:
        return null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'upload-status': UploadStatusLine;
  }
}
