import { css } from 'lit';
import { baseStyles } from '../design/base.styles.js';
import { tokenStyles } from '../design/tokens.js';

/**
 * The public apply page: one column, large targets, readable on a 360 px phone. The reset,
 * type, controls, colours and focus ring are the shared base and tokens (web-components/design);
 * here only what the page adds, with the recorder's 48 px touch targets.
 */
export const applyStyles = [
  tokenStyles,
  ...baseStyles,
  css`
    :host {
      display: block;
      max-width: 40rem;
      margin: 0 auto;
      padding: var(--t-space-4);
    }
    @media (min-width: 48rem) {
      :host {
        padding: var(--t-space-6) var(--t-space-4) var(--t-space-7);
      }
    }
    h1 {
      margin: var(--t-space-2) 0 var(--t-space-3);
    }
    h1:focus {
      outline: none;
    }
    h1:focus-visible {
      outline: var(--t-focus-width) solid var(--t-focus);
      outline-offset: 4px;
    }
    .intro {
      white-space: pre-line;
    }
    .muted {
      color: var(--t-muted);
    }
    .hint {
      margin: var(--t-space-1) 0 0;
    }
    nav.languages {
      display: flex;
      justify-content: flex-end;
      gap: var(--t-space-2);
    }
    nav.languages button {
      min-height: 44px;
      padding: var(--t-space-1) var(--t-space-3);
      font-weight: 400;
      font-size: var(--t-size-sm);
      letter-spacing: 0.02em;
      border-color: transparent;
      background: transparent;
    }
    nav.languages button[aria-current='true'] {
      font-weight: 700;
      text-decoration: underline;
      text-underline-offset: 0.2em;
      border-color: var(--t-border);
    }
    form {
      display: grid;
      gap: var(--t-space-5);
    }
    .field {
      display: grid;
      gap: var(--t-space-1);
    }
    fieldset {
      margin: 0;
    }
    input[type='text'],
    input[type='email'] {
      min-height: 48px;
      width: 100%;
    }
    .choice {
      display: flex;
      align-items: flex-start;
      gap: var(--t-space-3);
      padding: var(--t-space-2) 0;
      font-weight: 400;
    }
    .choice input {
      width: 1.5rem;
      height: 1.5rem;
      min-height: 0;
      margin: 0.125rem 0 0;
      flex: none;
    }
    .choice .closes {
      display: block;
      color: var(--t-muted);
      font-size: var(--t-size-sm);
    }
    .yes-no {
      display: flex;
      gap: var(--t-space-5);
    }
    .error {
      color: var(--t-danger);
      font-weight: 600;
      margin: var(--t-space-1) 0 0;
    }
    .error::before {
      content: '⚠ ';
    }
    .consent-text {
      white-space: pre-line;
      max-height: 14rem;
      overflow: auto;
      background: var(--t-surface);
      padding: var(--t-space-3);
      border-radius: var(--t-radius-md);
      font-size: var(--t-size-sm);
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
      min-height: 48px;
      padding: 0.625rem 1.25rem;
      border: 2px solid var(--t-primary);
      background: transparent;
      color: var(--t-ink);
    }
    button.primary,
    a.button.primary {
      background: var(--t-primary);
      color: var(--t-on-primary);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--t-space-3);
    }
    .notice {
      border-left: 3px solid var(--t-accent);
      background: var(--t-surface);
      padding: var(--t-space-3) var(--t-space-4);
      border-radius: 0 var(--t-radius-md) var(--t-radius-md) 0;
    }
    .notice.problem {
      border-left-color: var(--t-danger);
    }
    @media (max-width: 30rem) {
      button.primary[type='submit'],
      a.button.primary {
        width: 100%;
      }
    }
  `,
];
