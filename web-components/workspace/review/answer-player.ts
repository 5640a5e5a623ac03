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
 * answer (in a second, hidden media element that is swapped in when it becomes the answer, so
 * it plays at once instead of loading again), and recovery when the signed video link expires mid-review (30 minutes): the player
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
  /** The sources of the two media elements: the one shown (`active`) and the spare. */
  @state() private slots: [string | null, string | null] = [null, null];
  @state() private active: 0 | 1 = 0;
  @state() private currentPoster: string | null = null;
  @state() private rate = rememberedRate();
  @state() private failed = false;
  @query('video.main') video!: HTMLVideoElement;
  /** Where to carry on after a link renewal. */
  private resume: { time: number; playing: boolean } | null = null;
  private renewedFor: string | null = null;
  /** The element that was shown before the last swap, to hand its state on in `updated`. */
  private swappedOut: HTMLVideoElement | null = null;

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

  private get currentSrc(): string | null {
    return this.slots[this.active];
  }

  private set currentSrc(src: string | null) {
    this.setSlot(this.active, src);
  }

  private setSlot(slot: 0 | 1, src: string | null) {
    const slots: [string | null, string | null] = [...this.slots];
    slots[slot] = src;
    this.slots = slots;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('src')) {
      const spare = this.active === 0 ? 1 : 0;
      if (this.src && this.src === this.slots[spare]) {
        // The spare has been loading this very source: show it rather than load it again.
        this.swappedOut = this.video ?? null;
        this.active = spare;
      } else this.currentSrc = this.src;
      this.resume = null;
      this.renewedFor = null;
      this.failed = false;
    }
    if (changed.has('src') || changed.has('preloadSrc')) {
      const spare = this.active === 0 ? 1 : 0;
      // Without a next answer the spare keeps what it has (the previous answer, ready to go back to).
      if (
        this.preloadSrc &&
        this.preloadSrc !== this.currentSrc &&
        this.preloadSrc !== this.slots[spare]
      )
        this.setSlot(spare, this.preloadSrc);
    }
    if (changed.has('poster')) this.currentPoster = this.poster;
  }

  protected override updated(): void {
    const old = this.swappedOut;
    const video = this.video;
    if (!old || !video) return;
    this.swappedOut = null;
    // Carry on as the one element did before: sound settings, speed, focus; rewind the old one
    // so that going back to it starts from the beginning, as a fresh load would.
    video.muted = old.muted;
    video.volume = old.volume;
    const hadFocus = this.shadowRoot?.activeElement === old;
    old.pause();
    old.currentTime = 0;
    this.applyRate();
    if (hadFocus) video.focus();
    if (video.error) void this.onError();
    else if (this.autoplay) void video.play().catch(() => {});
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

  private onLoadedMetadata(event: Event) {
    const target = event.target as HTMLVideoElement;
    target.defaultPlaybackRate = this.rate;
    target.playbackRate = this.rate;
    if (target !== this.video || !this.resume) return;
    const { time, playing } = this.resume;
    this.resume = null;
    this.video.currentTime = time;
    if (playing) void this.video.play().catch(() => {});
  }

  /** Most likely the signed link expired: get a new one once per source, then give up. */
  private async onError(event?: Event) {
    // The spare's errors wait until it is shown (see `updated`).
    if (event && event.target !== this.video) return;
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
      ${([0, 1] as const).map((slot) => this.renderVideo(slot))}
      ${this.audioOnly ? html`<p class="audio-note">${msg('Audio only: the video appears once you have rated this answer.', { id: 'ws.player.audioOnly' })}</p>` : nothing}
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

  /**
   * Always both elements, from one template in the same place, so that a swap only changes
   * attributes and each element keeps its loaded media. The spare is hidden from everyone.
   */
  private renderVideo(slot: 0 | 1) {
    const shown = slot === this.active;
    const src = this.slots[slot];
    const kind = this.audioOnly ? 'main audio-only' : 'main';
    return html`<video class=${shown ? kind : 'preload'} ?controls=${shown} playsinline preload="auto"
        aria-label=${shown ? this.label : nothing} aria-hidden=${shown ? nothing : 'true'} tabindex=${shown ? nothing : '-1'}
        ?autoplay=${shown && this.autoplay}
        src=${src ?? nothing} poster=${(shown && !this.audioOnly && this.currentPoster) || nothing}
        @loadedmetadata=${this.onLoadedMetadata} @error=${this.onError}></video>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-answer-player': AnswerPlayer;
  }
}
