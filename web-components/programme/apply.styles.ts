import { css } from 'lit';

/** The public apply page: one column, large targets, readable on a 360 px phone. */
export const applyStyles = css`
  :host {
    --_accent: #1d4ed8;
    --_accent-text: #1d4ed8;
    --_danger: #b91c1c;
    --_muted: #4b5563;
    --_surface: #f3f4f6;
    --_border: #6b7280;
    display: block;
    box-sizing: border-box;
    max-width: 40rem;
    margin: 0 auto;
    padding: 1rem;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent-text: #93c5fd;
      --_danger: #fca5a5;
      --_muted: #d1d5db;
      --_surface: #1f2937;
      --_border: #9ca3af;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0.5rem 0 0.75rem;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 3px solid #1a73e8;
    outline-offset: 4px;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .intro {
    white-space: pre-line;
  }
  .muted,
  .hint {
    color: var(--_muted);
  }
  .hint {
    font-size: 0.9375rem;
    margin: 0.25rem 0 0;
  }
  nav.languages {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  nav.languages button {
    min-height: 44px;
    padding: 0.25rem 0.75rem;
    font-weight: 400;
  }
  nav.languages button[aria-current='true'] {
    font-weight: 700;
    text-decoration: underline;
  }
  form {
    display: grid;
    gap: 1.25rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    padding: 0.75rem 1rem 1rem;
    margin: 0;
    min-width: 0;
  }
  input[type='text'],
  input[type='email'] {
    font: inherit;
    min-height: 48px;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--_border);
    border-radius: 0.5rem;
    width: 100%;
    background: Canvas;
    color: CanvasText;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    padding: 0.5rem 0;
    font-weight: 400;
  }
  .choice input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.125rem 0 0;
    flex: none;
  }
  .choice .closes {
    display: block;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .yes-no {
    display: flex;
    gap: 1.5rem;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    margin: 0.25rem 0 0;
  }
  .error::before {
    content: '⚠ ';
  }
  .consent-text {
    white-space: pre-line;
    max-height: 14rem;
    overflow: auto;
    background: var(--_surface);
    padding: 0.75rem;
    border-radius: 0.5rem;
    font-size: 0.9375rem;
  }
  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  button,
  a.button {
    font: inherit;
    font-weight: 600;
    min-height: 48px;
    padding: 0.625rem 1.25rem;
    border-radius: 0.5rem;
    border: 2px solid var(--_accent);
    background: transparent;
    color: var(--_accent-text);
    cursor: pointer;
    touch-action: manipulation;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  button.primary,
  a.button.primary {
    background: var(--_accent);
    color: #ffffff;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  a:focus-visible {
    outline: 3px solid #1a73e8;
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .notice {
    border-left: 4px solid var(--_accent);
    background: var(--_surface);
    padding: 0.75rem 1rem;
    border-radius: 0 0.5rem 0.5rem 0;
  }
  .notice.problem {
    border-left-color: var(--_danger);
  }
  @media (max-width: 30rem) {
    button.primary[type='submit'],
    a.button.primary {
      width: 100%;
    }
  }
`;
