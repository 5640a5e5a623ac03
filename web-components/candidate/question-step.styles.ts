import { css } from 'lit';

export const questionStyles = css`
  .prompt {
    font-size: 1.25rem;
    font-weight: 600;
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
    gap: 1rem;
  }
  @media (min-width: 48rem) {
    .stage {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }
  camera-preview,
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
    font-size: 2rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    margin: 0;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 700;
    color: #fff;
    background: var(--_danger);
    border-radius: 999px;
    padding: 0.25rem 0.75rem;
  }
  .badge.paused {
    background: var(--_muted);
  }
  .dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: #fff;
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
  }
  .error {
    font-weight: 600;
  }
`;
