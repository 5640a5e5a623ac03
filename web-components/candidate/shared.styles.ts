import { css } from 'lit';

/**
 * Controls shared by every part of the recorder, on the design tokens (--t-*, set by the
 * recorder's host). Embedding pages may set the --ir-* custom properties (docs/recorder.md)
 * to match their own look; they win over the tokens.
 */
export const sharedStyles = css`
  :host {
    --_accent: var(--ir-accent, var(--t-primary, #1c1a17));
    --_on-accent: var(--ir-on-accent, var(--t-on-primary, #faf8f5));
    --_danger: var(--ir-danger, var(--t-danger, #a42a25));
    --_on-danger: var(--ir-on-danger, var(--t-on-danger, #ffffff));
    --_muted: var(--ir-muted, var(--t-muted, #5b554c));
    --_surface: var(--ir-surface, var(--t-surface, #f1ede6));
    --_border: var(--ir-border, var(--t-border, #8a8176));
    --_focus: var(--ir-focus, var(--t-focus, #7a5223));
    --_radius: var(--ir-radius, var(--t-radius-lg, 0.5rem));
    display: block;
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2 {
    font-family: var(--t-font-serif);
    font-weight: 600;
    font-size: var(--t-size-xl);
    line-height: var(--t-leading-xl);
    margin: 0 0 var(--t-space-3);
  }
  h3 {
    font-family: var(--t-font-serif);
    font-weight: 600;
    font-size: var(--t-size-lg);
    line-height: var(--t-leading-lg);
  }
  @media (max-width: 30rem) {
    h2 {
      font-size: var(--t-size-lg);
      line-height: var(--t-leading-lg);
    }
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: var(--t-focus-width, 3px) solid var(--_focus);
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
    letter-spacing: 0.01em;
    border-radius: var(--t-radius-md, 0.25rem);
    border: 2px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
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
    color: var(--_on-danger);
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
    outline: var(--t-focus-width, 3px) solid var(--_focus);
    outline-offset: var(--t-focus-offset, 2px);
  }
  a {
    color: var(--t-accent, currentColor);
    text-underline-offset: 0.2em;
  }
  select {
    font: inherit;
    min-height: 44px;
    max-width: 100%;
    padding: 0.25rem 0.5rem;
    color: inherit;
    background: var(--t-raised, Canvas);
    border: 1px solid var(--_border);
    border-radius: var(--t-radius-md, 0.25rem);
  }
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_accent);
  }
  .notice {
    border-left: 3px solid var(--t-accent, var(--_accent));
    background: var(--_surface);
    padding: 0.75rem 1rem;
    border-radius: 0 var(--t-radius-md, 0.25rem) var(--t-radius-md, 0.25rem) 0;
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
