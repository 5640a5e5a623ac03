import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { workspaceEvent } from '../events.js';
import { baseStyles } from '../shared/base.styles.js';
import { answerPlayerStyles } from './answer-player.styles.js';
import { PLAYBACK_RATES, rememberedRate, rememberRate } from './playback-rate.js';
import { PlayerKeysController } from './player-keys.js';

export type RenewSource = () => Promise<{ videoUrl: string | null; posterUrl: string | null }>;

/**
 * A recorded answer: native controls plus speed (remembered), reviewer keys, a preloaded next
 * answer, and recovery when the signed video link expires mid-review (30 minutes): the player
 * asks for a fresh link and carries on where it was.
 */
@localized()
@customElement('ws-answer-player')
export class AnswerPlayer extends LitElement {
  static override styles = [baseStyles, answerPlayerStyles];

  @property() src: string | null = null;
  @property() poster: string | null = null;
  /** The next answer's video, fetched in the background so moving on starts at once. */
  @property() preloadSrc: string | null = null;
  /** Accessible name of the video, e.g. "Answer to question 2". */
  @property() label = '';
  @property({ attribute: false }) renewSource?: RenewSource;
  /** Off when the page around handles the reviewer keys (and drives this player itself). */
  @property({ type: Boolean }) keyboard = true;
  /** Audio first: the source is the answer's sound alone, and no picture (not even a poster). */
  @property({ type: Boolean }) audioOnly = false;
  /** Starts as soon as the source can play: "Next" moves on and plays at once. */
  @property({ type: Boolean }) autoplay = false;
  @state() private currentSrc: string | null = null;
  @state() private currentPoster: string | null = null;
  @state() private rate = rememberedRate();
  @state() private failed = false;
  @query('video.main') video!: HTMLVideoElement;
  /** Where to carry on after a link renewal. */
  private resume: { time: number; playing: boolean } | null = null;
  private renewedFor: string | null = null;

  protected readonly keys = new PlayerKeysController(
    this,
    {
      togglePlay: () => this.togglePlay(),
      seekBy: (seconds) => this.seekBy(seconds),
      step: (direction) => this.dispatchEvent(workspaceEvent('ws-answer-step', { direction })),
      score: (score) => this.dispatchEvent(workspaceEvent('ws-score-key', { score })),
    },
    () => this.keyboard,
  );

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('src')) {
      this.currentSrc = this.src;
      this.resume = null;
      this.renewedFor = null;
      this.failed = false;
    }
    if (changed.has('poster')) this.currentPoster = this.poster;
  }

  togglePlay(): void {
    const video = this.video;
    if (!video || !this.currentSrc) return;
    if (video.paused || video.ended) void video.play().catch(() => {});
    else video.pause();
  }

  seekBy(seconds: number): void {
    const video = this.video;
    if (!video || Number.isNaN(video.duration)) return;
    video.currentTime = Math.min(Math.max(0, video.currentTime + seconds), video.duration);
  }

  private changeRate(event: Event) {
    this.rate = Number((event.target as HTMLSelectElement).value);
    rememberRate(this.rate);
    this.applyRate();
  }

  /** A new source resets the speed to the default: set both so it sticks. */
  private applyRate() {
    if (!this.video) return;
    this.video.defaultPlaybackRate = this.rate;
    this.video.playbackRate = this.rate;
  }

  private onLoadedMetadata() {
    this.applyRate();
    if (!this.resume) return;
    const { time, playing } = this.resume;
    this.resume = null;
    this.video.currentTime = time;
    if (playing) void this.video.play().catch(() => {});
  }

  /** Most likely the signed link expired: get a new one once per source, then give up. */
  private async onError() {
    const failedSrc = this.currentSrc;
    if (!this.renewSource || !failedSrc || this.renewedFor === failedSrc) {
      this.failed = true;
      return;
    }
    this.renewedFor = failedSrc;
    const video = this.video;
    this.resume = { time: video.currentTime, playing: !video.paused && !video.ended };
    try {
      const fresh = await this.renewSource();
      if (this.currentSrc !== failedSrc) return; // moved to another answer meanwhile
      this.currentSrc = fresh.videoUrl;
      this.currentPoster = fresh.posterUrl;
      this.renewedFor = fresh.videoUrl;
    } catch {
      this.failed = true;
    }
  }

  private retry() {
    this.failed = false;
    this.renewedFor = null;
    void this.onError();
  }

  override render() {
    return html`
      <video class=${this.audioOnly ? 'main audio-only' : 'main'} controls playsinline preload="auto" aria-label=${this.label}
        ?autoplay=${this.autoplay}
        src=${this.currentSrc ?? nothing} poster=${(!this.audioOnly && this.currentPoster) || nothing}
        @loadedmetadata=${this.onLoadedMetadata} @error=${this.onError}></video>
      ${this.audioOnly ? html`<p class="audio-note">${msg('Audio only: the video appears once you have rated this answer.', { id: 'ws.player.audioOnly' })}</p>` : nothing}
      ${this.preloadSrc ? html`<video class="preload" preload="auto" muted aria-hidden="true" tabindex="-1" src=${this.preloadSrc}></video>` : nothing}
      ${
        this.failed
          ? html`<p class="error" role="alert">${msg('The video could not be played.', { id: 'ws.player.failed' })}
        <button type="button" @click=${this.retry}>${msg('Try again', { id: 'ws.retry' })}</button></p>`
          : nothing
      }
      <div class="controls">
        <label for="rate">${msg('Speed', { id: 'ws.player.speed' })}</label>
        <select id="rate" @change=${this.changeRate}>
          ${PLAYBACK_RATES.map((rate) => html`<option value=${rate} ?selected=${rate === this.rate}>${rate}×</option>`)}
        </select>
      </div>
      <p class="keys">
        <kbd>${msg('Space', { id: 'ws.player.keySpace' })}</kbd> ${msg('play/pause', { id: 'ws.player.keyPlay' })} ·
        <kbd>←</kbd> <kbd>→</kbd> ${msg('5 seconds', { id: 'ws.player.keySeek' })} ·
        <kbd>J</kbd> <kbd>K</kbd> ${msg('previous/next answer', { id: 'ws.player.keyStep' })} ·
        <kbd>1</kbd>–<kbd>5</kbd> ${msg('score', { id: 'ws.player.keyScore' })}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-answer-player': AnswerPlayer;
  }
}
