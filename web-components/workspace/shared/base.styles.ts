import { css } from 'lit';
import { baseStyles as sharedBase } from '../../design/base.styles.js';
import { tokenStyles } from '../../design/tokens.js';

/**
 * The design tokens (light and dark), set once by the shell and inherited through every
 * shadow root. Kept under this name so workspace components need not change their imports.
 */
export const themeTokens = tokenStyles;

/** The shared reset, type and controls, plus the helpers only the workspace uses. */
export const baseStyles = [
  ...sharedBase,
  css`
    .field {
      display: flex;
      flex-direction: column;
      gap: var(--t-space-1);
      margin-bottom: var(--t-space-3);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--t-space-2);
      align-items: center;
    }
    .card {
      background: var(--t-raised);
      border: 1px solid var(--t-rule);
      border-radius: var(--t-radius-lg);
      padding: var(--t-space-4);
    }
    .error {
      color: var(--t-danger);
      font-weight: 600;
    }
    ul.plain {
      list-style: none;
      padding: 0;
      margin: 0;
    }
  `,
];
