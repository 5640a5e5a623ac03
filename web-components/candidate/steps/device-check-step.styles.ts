import { css } from 'lit';

export const deviceCheckStyles = css`
  .layout {
    display: grid;
    gap: 1rem;
  }
  @media (min-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }
  camera-preview {
    width: 100%;
    /* Room below for the level meter and the continue button on a phone. */
    max-height: 35vh;
    max-height: 35dvh;
  }
  .checks {
    list-style: none;
    padding: 0;
    margin: 0 0 0.75rem;
  }
  .checks li {
    display: flex;
    gap: 0.5rem;
    margin-bottom: 0.25rem;
  }
  .mark {
    font-weight: 700;
    min-width: 1.25rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.75rem;
  }
  .field label {
    font-weight: 600;
  }
  ol {
    padding-left: 1.25rem;
  }
  .probe {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-bottom: 0.75rem;
  }
  .probe p {
    margin: 0;
  }
  .link {
    display: block;
    overflow-wrap: anywhere;
    font-family: ui-monospace, monospace;
  }
`;
