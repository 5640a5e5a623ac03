import { localized, msg } from '@lit/localize';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

/**
 * The live camera picture, mirrored as people expect of a mirror (the recording itself is not
 * mirrored). Muted, so the microphone never feeds back; `playsinline` so iOS does not go full
 * screen.
 */
@customElement('camera-preview')
@localized()
export class CameraPreview extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      background: #111827;
      border-radius: var(--ir-radius, 0.75rem);
      overflow: hidden;
      aspect-ratio: var(--_ratio, 4 / 3);
      max-height: 60vh;
      margin-inline: auto;
    }
    video {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    :host([mirrored]) video {
      transform: scaleX(-1);
    }
    .no-picture {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      color: #f9fafb;
      padding: 1rem;
      text-align: center;
    }
  `;

  @property({ attribute: false }) stream: MediaStream | null = null;
  @property({ type: Boolean, reflect: true }) mirrored = true;
  @query('video') private video!: HTMLVideoElement;

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('stream') && this.video && this.video.srcObject !== this.stream) {
      this.video.srcObject = this.stream;
      // Autoplay can be refused before a gesture; the picture then starts on the next one.
      void this.video.play().catch(() => undefined);
    }
    const track = this.stream?.getVideoTracks()[0];
    const { width, height } = track?.getSettings() ?? {};
    if (width && height) this.style.setProperty('--_ratio', `${width} / ${height}`);
  }

  override render() {
    const hasVideo = (this.stream?.getVideoTracks().length ?? 0) > 0;
    return html`
      <video
        muted
        .muted=${true}
        playsinline
        autoplay
        aria-label=${msg('Your camera picture (mirrored)', { id: 'rec.preview.label' })}
        ?hidden=${!hasVideo}
      ></video>
      ${
        hasVideo
          ? null
          : html`<p class="no-picture">${msg('No camera picture', { id: 'rec.preview.none' })}</p>`
      }
    `;
  }
}
