import { localized, msg, str } from '@lit/localize';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '../device/camera-preview.js';
import '../device/level-meter.js';
import type { CandidateApi } from '../candidate-api.js';
import type { BrowserSupport } from '../device/browser-support.js';
import { deviceProblem } from '../device/device-help.js';
import type { MediaSnapshot } from '../device/media-controller.js';
import { announce, emit } from '../events.js';
import { megabitsPerSecond } from '../format.js';
import { chooseQuality, MAX_VIDEO_BPS } from '../recording/quality-ladder.js';
import { AUDIO_BITS_PER_SECOND } from '../recording/recording-format.js';
import { sharedStyles } from '../shared.styles.js';
import {
  measureUpload,
  PROBE_STEPS,
  speedVerdict,
  type UploadMeasure,
} from '../upload/speed-probe.js';
import { deviceCheckStyles } from './device-check-step.styles.js';

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
  @state() private probeStep = 0;
  private roundTripMs = 0;
  /** The speed check, which goes on if the candidate continues before it ends. */
  private measuring: Promise<UploadMeasure> | null = null;
  /** Null until the candidate asks; false when the browser would not copy. */
  @state() private copied: boolean | null = null;
  @query('h2') private heading!: HTMLElement;

  focusHeading(): void {
    this.heading?.focus();
  }

  override firstUpdated(): void {
    const onStep = (step: number) => {
      if (this.uploadKbps === undefined) this.probeStep = step;
    };
    this.measuring = measureUpload(this.api, onStep);
    void this.measuring.then(({ kbps, roundTripMs }) => {
      // Skipped meanwhile: the candidate's choice stands.
      if (this.uploadKbps !== undefined) return;
      this.uploadKbps = kbps;
      this.roundTripMs = roundTripMs;
    });
  }

  /** Not measured: answers start at full quality and adapt from what their uploads achieve. */
  private skipCheck = () => {
    this.uploadKbps = null;
  };

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
      return html`<div class="probe">
        <p id="probe-label">${msg('Checking your connection…', { id: 'rec.speed.checking' })}</p>
        <progress max=${PROBE_STEPS} .value=${this.probeStep} aria-labelledby="probe-label"></progress>
        <button @click=${this.skipCheck}>${msg('Skip the check', { id: 'rec.speed.skip' })}</button>
      </div>`;
    }
    const needed = (MAX_VIDEO_BPS + AUDIO_BITS_PER_SECOND) / 1000;
    const verdict = speedVerdict(this.uploadKbps, needed);
    const advice = {
      fast: msg('Your connection is fast enough.', { id: 'rec.speed.fast' }),
      enough: msg(
        'Your connection is good enough. Each answer finishes uploading moments after you stop.',
        { id: 'rec.speed.enough' },
      ),
      slow: this.slowAdvice(),
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

  /** What a slow connection changes: a smaller picture, or sound only. */
  private slowAdvice(): string {
    // Sound only comes later, if an answer's own uploads confirm the link is that slow.
    const quality = chooseQuality(this.uploadKbps ?? null, { audioOnlyAllowed: false });
    if (quality.kind === 'audio') return '';
    return msg(
      str`Your connection is slow: your answers will be recorded at a lower picture quality (${quality.shortSide}p), so that they upload as you speak. Wi-Fi may help.`,
      { id: 'rec.speed.lower' },
    );
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
        <button class="primary" @click=${() => emit(this, 'devices-confirmed', { uploadKbps: this.uploadKbps ?? null, roundTripMs: this.roundTripMs, stillMeasuring: this.uploadKbps === undefined ? this.measuring : null })}>
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
