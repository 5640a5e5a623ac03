import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { PLAYBACK_RATES, rememberedRate, rememberRate } from '../workspace/review/playback-rate.js';
import { guestStyles } from './guest.styles.js';

/**
 * One recorded answer: the browser's own controls (which every screen reader and phone knows)
 * and a row of speed buttons large enough for a thumb. The speed chosen is kept for the next
 * answer. When the signed video link has run out, "Reload" asks the page for fresh links.
 */
@localized()
@customElement('guest-player')
export class GuestPlayer extends LitElement {
  static override styles = guestStyles;

  @property() src: string | null = null;
  @property() poster: string | null = null;
  /** Accessible name of the video, e.g. "Answer to question 2". */
  @property() label = '';
  @state() private rate = safeRememberedRate();
  @state() private failed = false;
  @query('video') private video?: HTMLVideoElement;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('src')) this.failed = false;
  }

  private setRate(rate: number) {
    this.rate = rate;
    try {
      rememberRate(rate);
    } catch {
      // Private browsing may refuse storage; the speed still applies to this answer.
    }
    this.applyRate();
  }

  /** A new source resets the speed to the default: set both so it sticks. */
  private applyRate() {
    if (!this.video) return;
    this.video.defaultPlaybackRate = this.rate;
    this.video.playbackRate = this.rate;
  }

  override render() {
    return html`<video controls playsinline preload="metadata" src=${this.src ?? nothing}
        poster=${this.poster ?? nothing} aria-label=${this.label}
        @loadedmetadata=${this.applyRate} @error=${() => {
          this.failed = true;
        }}></video>
      ${
        this.failed
          ? html`<p class="problem" role="alert">${msg('The video could not be played.', { id: 'guest.videoFailed' })}
          <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('guest-reload', { bubbles: true, composed: true }))}>${msg('Reload', { id: 'guest.reload' })}</button></p>`
          : nothing
      }
      <div class="speeds" role="group" aria-label=${msg('Playback speed', { id: 'guest.speed' })}>
        ${PLAYBACK_RATES.map(
          (rate) => html`<button type="button" aria-pressed=${rate === this.rate ? 'true' : 'false'}
            @click=${() => this.setRate(rate)}>${rate}×</button>`,
        )}
      </div>`;
  }
}

function safeRememberedRate(): number {
  try {
    return rememberedRate();
  } catch {
    return 1;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guest-player': GuestPlayer;
  }
}
