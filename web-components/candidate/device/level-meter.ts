import { localized, msg } from '@lit/localize';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

/** Above this RMS level (0..1) for a moment, the microphone is clearly picking up a voice. */
const HEARD_LEVEL = 0.04;

/**
 * The microphone's level as a meter, with words once a voice is heard (no colour-only signal).
 * The meter is redrawn directly each frame, without re-rendering; with reduced motion it
 * updates four times a second.
 */
@customElement('mic-level-meter')
@localized()
export class MicLevelMeter extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    meter {
      flex: 1;
      height: 1.25rem;
      min-width: 6rem;
    }
    label {
      font-weight: 600;
    }
    p {
      margin: 0.25rem 0 0;
    }
  `;

  @property({ attribute: false }) stream: MediaStream | null = null;
  @state() private heard = false;
  @query('meter') private meter!: HTMLMeterElement;
  private context: AudioContext | null = null;
  private frame = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('stream')) this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.listen();
  }

  private listen(): void {
    this.stopListening();
    if (!this.stream || this.stream.getAudioTracks().length === 0) return;
    const AudioContextClass =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!AudioContextClass) return;
    this.context = new AudioContextClass();
    void this.context.resume().catch(() => undefined);
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 1024;
    this.context.createMediaStreamSource(this.stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const draw = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      if (this.meter) this.meter.value = Math.min(1, rms * 4);
      if (rms > HEARD_LEVEL && !this.heard) this.heard = true;
    };
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.timer = setInterval(draw, 250);
    } else {
      const loop = () => {
        draw();
        this.frame = requestAnimationFrame(loop);
      };
      loop();
    }
  }

  private stopListening(): void {
    cancelAnimationFrame(this.frame);
    clearInterval(this.timer);
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  override render() {
    return html`
      <div class="row">
        <label for="level">${msg('Microphone level', { id: 'rec.meter.label' })}</label>
        <meter id="level" min="0" max="1" low="0.1" high="0.9" optimum="0.5" value="0"></meter>
      </div>
      <p role="status">
        ${
          this.heard
            ? msg('We can hear you.', { id: 'rec.meter.heard' })
            : msg('Say a few words: the bar should move.', { id: 'rec.meter.speak' })
        }
      </p>
    `;
  }
}
