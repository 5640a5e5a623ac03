import { css } from 'lit';
import { focusStyles } from './tokens.js';

/**
 * The reset, type, controls and helpers that the workspace, the guest page and the apply page
 * share (the recorder keeps its own larger touch targets, on the same tokens). Colours, sizes
 * and radii come from the `--t-*` tokens (tokens.ts).
 */
export const baseStyles = [
  focusStyles,
  css`
    :host {
      color: var(--t-ink);
      font-family: var(--t-font-sans);
      font-size: var(--t-size-md);
      line-height: var(--t-leading-md);
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    h1,
    h2,
    h3 {
      font-family: var(--t-font-serif);
      font-weight: 600;
      letter-spacing: 0.005em;
      margin: 0 0 var(--t-space-2);
    }
    h1 {
      font-size: var(--t-size-xl);
      line-height: var(--t-leading-xl);
    }
    h2 {
      font-size: var(--t-size-lg);
      line-height: var(--t-leading-lg);
    }
    /* A small-caps label in the sans face: a serif this small reads weaker than body text. */
    h3 {
      font-family: var(--t-font-sans);
      font-size: var(--t-size-xs);
      line-height: var(--t-leading-xs);
      font-weight: 700;
      letter-spacing: 0.08em;
      text-transform: uppercase;
    }
    @media (min-width: 64rem) {
      h1 {
        font-size: var(--t-size-2xl);
        line-height: var(--t-leading-2xl);
      }
      h2 {
        font-size: var(--t-size-xl);
        line-height: var(--t-leading-xl);
      }
    }
    p {
      margin: 0 0 var(--t-space-3);
    }
    a {
      color: var(--t-accent);
      text-underline-offset: 0.2em;
    }
    button,
    a.button {
      font: inherit;
      font-weight: 600;
      letter-spacing: 0.01em;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--t-space-2);
      min-height: var(--t-tap);
      padding: var(--t-space-2) var(--t-space-4);
      border-radius: var(--t-radius-md);
      border: 1px solid var(--t-border);
      background: var(--t-raised);
      color: var(--t-ink);
      cursor: pointer;
      text-decoration: none;
      touch-action: manipulation;
    }
    button.primary,
    a.button.primary {
      background: var(--t-primary);
      border-color: var(--t-primary);
      color: var(--t-on-primary);
    }
    button.danger {
      background: var(--t-danger);
      border-color: var(--t-danger);
      color: var(--t-on-danger);
    }
    button.link {
      border: none;
      background: none;
      color: var(--t-accent);
      text-decoration: underline;
      text-underline-offset: 0.2em;
      padding: var(--t-space-1);
      font-weight: 400;
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    input,
    select,
    textarea {
      font: inherit;
      color: var(--t-ink);
      background: var(--t-raised);
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius-md);
      padding: var(--t-space-2) var(--t-space-3);
      min-height: var(--t-tap);
      max-width: 100%;
    }
    input[type='checkbox'],
    input[type='radio'] {
      min-height: 0;
      padding: 0;
      accent-color: var(--t-primary);
    }
    textarea {
      width: 100%;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--t-danger);
    }
    label,
    legend {
      font-weight: 600;
    }
    legend {
      padding: 0 var(--t-space-1);
    }
    fieldset {
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius-lg);
      padding: var(--t-space-3) var(--t-space-4) var(--t-space-4);
      margin: 0 0 var(--t-space-4);
      min-width: 0;
    }
    .hint {
      color: var(--t-muted);
      font-size: var(--t-size-sm);
      line-height: var(--t-leading-sm);
      margin: var(--t-space-1) 0;
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
  `,
];
