import { css, unsafeCSS } from 'lit';
import { tokenSheet } from './palette.js';

/**
 * The design tokens as custom properties (`--t-*`) on a top-level element's host, so that a
 * component works on a page without /assets/page.css too (the recorder is embeddable). Custom
 * properties inherit through shadow roots: nested components read them without re-declaring.
 */
export const tokenStyles = unsafeCSS(tokenSheet(':host'));

/** One focus style everywhere: a 3 px ring in the accent, 2 px off the control. */
export const focusStyles = css`
  :focus-visible {
    outline: var(--t-focus-width, 3px) solid var(--t-focus, #7a5223);
    outline-offset: var(--t-focus-offset, 2px);
  }
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }
`;
