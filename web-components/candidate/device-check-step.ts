import { localized, msg, str } from '@lit/localize';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import './camera-preview.js';
import './level-meter.js';
import type { BrowserSupport } from './browser-support.js';
import type { CandidateApi } from './candidate-api.js';
import { deviceCheckStyles } from './device-check-step.styles.js';
import { deviceProblem } from './device-help.js';
import { announce, emit } from './events.js';
import { megabitsPerSecond } from './format.js';
import type { MediaSnapshot } from './media-controller.js';
import { AUDIO_BITS_PER_SECOND, videoBitrate } from './recording-format.js';
import { sharedStyles } from './shared.styles.js';
import { measureUploadKbps, speedVerdict } from './speed-probe.js';

/**
 * Camera and microphone check: a mirrored preview, a level meter, device choice, what this
 * browser can do and how fast it uploads. When access is refused it explains how to allow it.
 */
@customElement('device-check-step')
@localized()
export class DeviceCheckStep extends LitElement {
  static override styles = [sharedStyles, deviceCheckStyles];

  /** The camera and microphone as the host holds them; changed through `media-request`. */
  @property({ attribute: false }) media!: MediaSnapshot;
  @property({ attribute: false }) support!: BrowserSupport;
  @property({ attribute: false }) api!: CandidateApi;
  @state() private uploadKbps: number | null | undefined = undefined;
  /** Null until the candidate asks; false when the browser would not copy. */
  @state() private copied: boolean | null = null;
  @query('h2') private heading!: HTMLElement;

  focusHeading(): void {
    this.heading?.focus();
  }

  override firstUpdated(): void {
    void measureUploadKbps(this.api).then((kbps) => {
      this.uploadKbps = kbps;
    });
  }

  override updated(changed: PropertyValues<this>): void {
    const before = changed.get('media') as MediaSnapshot | undefined;
    if (this.media.status === 'ready' && before && before.status !== 'ready') {
      announce(this, msg('Camera and microphone are on.', { id: 'rec.devices.ready' }));
    }
  }

  private retry = () => emit(this, 'media-request', { ...this.media.choice });

  /** Another device is a way forward when this one cannot record. */
  private copyLink = async () => {
    const copy = navigator.clipboard?.writeText(location.href);
    this.copied = copy
      ? await copy.then(
          () => true,
          () => false,
        )
      : false;
  };

  private copyResult() {
    if (this.copied === null) return null;
    if (this.copied) {
      return html`<p role="status">${msg('Link copied. Open it on a phone or another computer to carry on there.', { id: 'rec.devices.copied' })}</p>`;
    }
    return html`<p role="status">${msg('This browser would not copy it. Copy this link by hand, then open it on a phone or another computer:', { id: 'rec.devices.copy-by-hand' })}
      <span class="link">${location.href}</span></p>`;
  }

  private choose(kind: 'cameraId' | 'microphoneId', event: Event) {
    emit(this, 'media-request', {
      ...this.media.choice,
      [kind]: (event.target as HTMLSelectElement).value,
    });
  }

  private checks() {
    const { support, media } = this;
    const item = (ok: boolean, text: string) =>
      html`<li><span class="mark" aria-hidden="true">${ok ? '✓' : '✗'}</span>
        <span>${ok ? '' : html`<strong>${msg('Problem:', { id: 'rec.check.problem' })}</strong> `}${text}</span></li>`;
    return html`<ul class="checks" aria-label=${msg('Browser check', { id: 'rec.check.label' })}>
      ${item(support.camera, msg('Camera access is available.', { id: 'rec.check.camera' }))}
      ${item(
        support.format !== null,
        support.format
          ? `${msg('Recording works in this browser:', { id: 'rec.check.format' })} ${support.format.label}`
          : msg('This browser cannot record video. Use a recent Chrome, Edge, Firefox or Safari.', {
              id: 'rec.check.no-format',
            }),
      )}
      ${item(
        support.storage,
        support.storage
          ? msg('Answers are kept on this device until they are uploaded.', {
              id: 'rec.check.storage',
            })
          : msg(
              'This browser cannot keep answers while offline: stay connected while you record.',
              { id: 'rec.check.no-storage' },
            ),
      )}
      ${
        media.audioOnly
          ? item(
              false,
              msg('No camera was found: your answers will be recorded with sound only.', {
                id: 'rec.check.audio-only',
              }),
            )
          : null
      }
    </ul>`;
  }

  private speed() {
    if (this.uploadKbps === undefined) {
      return html`<p role="status">${msg('Checking your connection…', { id: 'rec.speed.checking' })}</p>`;
    }
    const needed = (videoBitrate(1280, 720, null) + AUDIO_BITS_PER_SECOND) / 1000;
    const verdict = speedVerdict(this.uploadKbps, needed);
    const advice = {
      fast: msg('Your connection is fast enough.', { id: 'rec.speed.fast' }),
      enough: msg(
        'Your connection is good enough. Each answer finishes uploading moments after you stop.',
        { id: 'rec.speed.enough' },
      ),
      slow: msg(
        'Your connection is slow. Answers are recorded at a lower quality and may take a while to upload after you stop: keep this page open until they are sent. Wi-Fi may help.',
        { id: 'rec.speed.slow' },
      ),
      unknown: msg(
        'We could not check your connection. You can still go on: answers are kept on this device until they are sent.',
        { id: 'rec.speed.unknown' },
      ),
    }[verdict];
    const measured =
      this.uploadKbps === null
        ? ''
        : `${msg(str`Upload speed: ${megabitsPerSecond(this.uploadKbps)} Mbit/s.`, { id: 'rec.speed.measured' })} `;
    return html`<p role="status">${measured}${advice}</p>`;
  }

  private deviceSelect(
    kind: 'cameraId' | 'microphoneId',
    label: string,
    devices: MediaDeviceInfo[],
  ) {
    if (devices.length < 2) return null;
    return html`<div class="field">
      <label for=${kind}>${label}</label>
      <select id=${kind} @change=${(e: Event) => this.choose(kind, e)}>
        ${devices.map(
          (
            d,
            i,
          ) => html`<option value=${d.deviceId} ?selected=${d.deviceId === this.media.choice[kind]}>
            ${d.label || `${label} ${i + 1}`}
          </option>`,
        )}
      </select>
    </div>`;
  }

  private ready() {
    const { media } = this;
    return html`
      <div class="layout">
        <div>
          <camera-preview .stream=${media.stream}></camera-preview>
          <p class="muted">${msg('The preview is mirrored. People watching your answers see you the right way round.', { id: 'rec.devices.mirrored' })}</p>
        </div>
        <div>
          <mic-level-meter .stream=${media.stream}></mic-level-meter>
          ${this.deviceSelect('cameraId', msg('Camera', { id: 'rec.devices.camera' }), media.cameras)}
          ${this.deviceSelect('microphoneId', msg('Microphone', { id: 'rec.devices.microphone' }), media.microphones)}
        </div>
      </div>
      <div class="actions">
        <button class="primary" @click=${() => emit(this, 'devices-confirmed', { uploadKbps: this.uploadKbps ?? null })}>
          ${msg('Everything works: continue', { id: 'rec.devices.continue' })}
        </button>
      </div>
    `;
  }

  override render() {
    const { status } = this.media;
    const problem = deviceProblem(status);
    return html`
      <h2 tabindex="-1">${msg('Check your camera and microphone', { id: 'rec.devices.title' })}</h2>
      ${this.checks()} ${this.speed()}
      ${
        status === 'requesting' || status === 'idle'
          ? html`<p class="notice">${msg('Your browser is asking whether this page may use your camera and microphone. Please choose Allow.', { id: 'rec.devices.asking' })}</p>`
          : null
      }
      ${
        problem
          ? html`<div class="notice problem" role="alert">${problem}</div>
            <div class="actions">
              <button class="primary" @click=${this.retry}>${msg('Try again', { id: 'rec.devices.retry' })}</button>
              <button @click=${this.copyLink}>${msg('Copy the link to use another device', { id: 'rec.devices.copy-link' })}</button>
            </div>
            ${this.copyResult()}`
          : null
      }
      ${status === 'ready' ? this.ready() : null}
    `;
  }
}
