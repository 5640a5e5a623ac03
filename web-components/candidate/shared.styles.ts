import { css } from 'lit';

/**
 * Tokens and controls shared by every part of the recorder. Embedding pages may set the
 * --ir-* custom properties (docs/recorder.md) to match their own look.
 */
export const sharedStyles = css`
  :host {
    --_accent: var(--ir-accent, #1d4ed8);
    --_on-accent: var(--ir-on-accent, #ffffff);
    --_danger: var(--ir-danger, #b91c1c);
    --_muted: var(--ir-muted, #4b5563);
    --_surface: var(--ir-surface, #f3f4f6);
    --_border: var(--ir-border, #9ca3af);
    --_focus: var(--ir-focus, #1a73e8);
    --_radius: var(--ir-radius, 0.75rem);
    display: block;
    box-sizing: border-box;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_muted: var(--ir-muted, #d1d5db);
      --_surface: var(--ir-surface, #1f2937);
      --_accent-text: #93c5fd;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2 {
    font-size: 1.375rem;
    line-height: 1.25;
    margin: 0 0 0.75rem;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 4px;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .muted {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: 1rem;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 48px;
    padding: 0.625rem 1.25rem;
    border-radius: 0.5rem;
    border: 2px solid var(--_accent);
    background: transparent;
    color: var(--_accent-text, var(--_accent));
    cursor: pointer;
    touch-action: manipulation;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #ffffff;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  video:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  select {
    font: inherit;
    min-height: 44px;
    max-width: 100%;
    padding: 0.25rem 0.5rem;
  }
  .notice {
    border-left: 4px solid var(--_accent);
    background: var(--_surface);
    padding: 0.75rem 1rem;
    border-radius: 0 0.5rem 0.5rem 0;
    margin: 0.75rem 0;
  }
  .notice.problem {
    border-left-color: var(--_danger);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
