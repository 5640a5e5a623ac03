import { css } from 'lit';

export const ratingFormStyles = css`
  :host {
    display: block;
  }
  .scores {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .scores input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .scores label {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 2px solid var(--ws-border);
    border-radius: 0.5rem;
    font-size: 1.1rem;
    cursor: pointer;
    background: var(--ws-bg);
  }
  .scores input:checked + label {
    background: var(--ws-accent);
    border-color: var(--ws-accent);
    color: var(--ws-accent-text);
    font-weight: 700;
  }
  /* The check mark repeats the selection for those who cannot see the colour change. */
  .scores input:checked + label::after {
    content: ' ✓';
  }
  .scores input:focus-visible + label {
    outline: 3px solid var(--ws-focus);
    outline-offset: 2px;
  }
  .scores {
    margin-bottom: 0.75rem;
  }
  .state {
    min-height: 1.5rem;
    margin: 0.25rem 0 0;
  }
`;
