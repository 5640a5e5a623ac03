import { css } from 'lit';

/**
 * Colours as custom properties set once by the shell (light and dark), inherited through every
 * shadow root. Text and controls keep at least 4.5:1 and 3:1 contrast in both schemes.
 */
export const themeTokens = css`
  :host {
    --ws-bg: #ffffff;
    --ws-surface: #f3f5f7;
    --ws-text: #1b1f24;
    --ws-muted: #4a5360;
    --ws-border: #7b8490;
    --ws-accent: #0b57d0;
    --ws-accent-text: #ffffff;
    --ws-danger: #b3261e;
    --ws-ok: #146c2e;
    --ws-warn: #7a4a00;
    --ws-focus: #0b57d0;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --ws-bg: #14171a;
      --ws-surface: #1f2428;
      --ws-text: #e8eaed;
      --ws-muted: #b8bfc7;
      --ws-border: #8a939e;
      --ws-accent: #8ab4f8;
      --ws-accent-text: #0b1a33;
      --ws-danger: #f2b8b5;
      --ws-ok: #7dd69b;
      --ws-warn: #f5c26b;
      --ws-focus: #8ab4f8;
    }
  }
`;

/** Controls, fields and helpers every workspace component shares. */
export const baseStyles = css`
  :host {
    color: var(--ws-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  h1 {
    font-size: 1.5rem;
  }
  h2 {
    font-size: 1.2rem;
  }
  a {
    color: var(--ws-accent);
  }
  button,
  a.button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: 0.5rem;
    border: 1px solid var(--ws-border);
    background: var(--ws-bg);
    color: var(--ws-text);
    cursor: pointer;
    text-decoration: none;
  }
  button.primary,
  a.button.primary {
    background: var(--ws-accent);
    border-color: var(--ws-accent);
    color: var(--ws-accent-text);
  }
  button.link {
    border: none;
    background: none;
    color: var(--ws-accent);
    text-decoration: underline;
    padding: 0.25rem;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--ws-text);
    background: var(--ws-bg);
    border: 1px solid var(--ws-border);
    border-radius: 0.375rem;
    padding: 0.5rem;
    min-height: 2.75rem;
    max-width: 100%;
  }
  textarea {
    width: 100%;
    resize: vertical;
  }
  :focus-visible {
    outline: 3px solid var(--ws-focus);
    outline-offset: 2px;
  }
  label,
  legend {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--ws-border);
    border-radius: 0.5rem;
    padding: 0.75rem;
    margin: 0 0 1rem;
    min-width: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-bottom: 0.75rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .card {
    background: var(--ws-surface);
    border-radius: 0.75rem;
    padding: 1rem;
  }
  .hint {
    color: var(--ws-muted);
    font-size: 0.9rem;
    margin: 0.25rem 0;
  }
  .error {
    color: var(--ws-danger);
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
`;
