import { css } from 'lit';

export const answerPlayerStyles = css`
  :host {
    display: block;
  }
  video {
    display: block;
    width: 100%;
    aspect-ratio: 16 / 9;
    background: #000;
    border-radius: var(--t-radius-md);
  }
  /* Audio first: a slim bar with the native controls, no picture. */
  video.audio-only {
    aspect-ratio: auto;
    height: 3.5rem;
  }
  .audio-note {
    margin: 0.25rem 0 0;
    font-weight: 600;
  }
  .preload {
    display: none;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .keys {
    color: var(--t-muted);
    font-size: var(--t-size-xs);
    margin: 0.25rem 0 0;
  }
  kbd {
    border: 1px solid var(--t-border);
    border-radius: var(--t-radius-md);
    padding: 0 0.3rem;
    font-size: 0.8rem;
  }
`;
