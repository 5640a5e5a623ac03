import { css } from 'lit';

export const questionStyles = css`
  .prompt {
    font-family: var(--t-font-serif);
    font-size: var(--t-size-lg);
    line-height: var(--t-leading-lg);
    font-weight: 600;
    border-left: 3px solid var(--t-accent);
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .prompt .text {
    white-space: pre-line;
  }
  .stage {
    display: grid;
    gap: 0.75rem;
  }
  camera-preview,
  video.playback {
    width: 100%;
    max-height: 55vh;
  }
  /*
   * While thinking and recording, the clock, the progress and the button stay in view: pinned
   * to the bottom of the screen when the page is taller than it, and the picture shrinks on
   * phones so that it fits above them (a phone's own bars take another ~100 px).
   */
  .controls {
    position: sticky;
    bottom: 0;
    z-index: 1;
    display: grid;
    gap: 0.5rem;
    padding-block: 0.5rem;
    background: var(--ir-background, var(--t-bg, Canvas));
  }
  .controls p {
    margin: 0;
  }
  .controls .actions {
    margin-top: 0;
  }
  .controls .actions button {
    flex: 1 1 auto;
  }
  .clock-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .time-left,
  .quality {
    font-size: 0.9375rem;
  }
  @media (max-width: 47.99rem) {
    /* What is left of the screen once the header, prompt and controls (~31rem) are placed. */
    camera-preview {
      max-height: 30vh;
      max-height: clamp(7rem, 100dvh - 31rem, 40dvh);
    }
    .prompt {
      font-size: 1.125rem;
      padding: 0.5rem 0.75rem;
      margin-bottom: 0.75rem;
    }
  }
  @media (min-width: 48rem) {
    .stage {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
    .controls {
      position: static;
    }
  }
  /* A phone on its side: picture and controls side by side within the short height. */
  @media (orientation: landscape) and (max-height: 32rem) {
    .stage {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
    camera-preview {
      max-height: 55vh;
      max-height: 55dvh;
    }
    .controls {
      position: static;
    }
    .prompt {
      font-size: 1rem;
    }
  }
  video.playback {
    width: 100%;
    max-height: 55vh;
  }
  video.playback {
    display: block;
    background: #000;
    border-radius: var(--_radius);
  }
  .facts {
    padding-left: 1.25rem;
  }
  .clock {
    font-size: 1.75rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    margin: 0;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 700;
    color: var(--_on-danger);
    background: var(--_danger);
    border-radius: 999px;
    padding: 0.25rem 0.75rem;
  }
  .badge.paused {
    color: var(--t-bg, #ffffff);
    background: var(--_muted);
  }
  .dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: currentColor;
    animation: pulse 1.5s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }
  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--t-accent);
  }
  .error {
    font-weight: 600;
  }
`;
