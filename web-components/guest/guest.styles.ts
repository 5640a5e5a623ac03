import { css } from 'lit';
import { baseStyles } from '../design/base.styles.js';

/**
 * The hiring manager's page: one column on a phone, large targets; the reset, type, controls
 * and colours are the shared base and tokens (web-components/design). States are never
 * shown by colour alone: the chosen speed and language are bold and underlined too.
 */
export const guestStyles = [
  ...baseStyles,
  css`
  :host {
    display: block;
    color: var(--t-ink);
  }
  button {
    min-width: var(--t-tap);
  }
  button[aria-pressed='true'],
  button[aria-current='true'],
  button[aria-current='step'] {
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    border: 2px solid var(--t-accent);
  }
  h3 {
    margin-top: var(--t-space-4);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.5rem;
  }
  .hint,
  .sub {
    color: var(--t-muted);
  }
  .problem {
    color: var(--t-danger);
    font-weight: 600;
  }
  .ok {
    font-weight: 600;
  }
  .prompt,
  .guidance {
    white-space: pre-line;
  }
  .prompt {
    font-family: var(--t-font-serif);
    font-size: var(--t-size-lg);
    line-height: var(--t-leading-lg);
  }
  video {
    display: block;
    width: 100%;
    max-height: 45vh;
    background: #000;
    border-radius: var(--t-radius-md);
  }
  .speeds {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    margin: 0.5rem 0 0.75rem;
  }
  .speeds button {
    padding: 0.25rem 0.1rem;
    min-width: 0;
    flex: 1 1 0;
    white-space: nowrap;
    font-size: var(--t-size-sm);
    font-weight: 400;
    letter-spacing: 0;
  }
  .speeds button[aria-pressed='true'] {
    font-weight: 700;
  }
  /* Wide screens: the video on the left, the question's rubric and the score beside it. */
  @media (min-width: 60rem) {
    .body {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 1.5rem;
      align-items: start;
    }
    .side h3:first-child,
    .side p:first-child {
      margin-top: 0;
    }
    video {
      max-height: 58vh;
    }
  }
  label.score {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
    padding: 0.4rem 0;
    min-height: 2.75rem;
  }
  label.score input {
    width: 1.4rem;
    height: 1.4rem;
    margin: 0.1rem 0 0;
    flex: none;
  }
  label.score .number {
    font-weight: 700;
    min-width: 1rem;
  }
  dl.anchors {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
  }
  dl.anchors dt {
    font-weight: 700;
  }
  dl.anchors dd {
    margin: 0;
  }
`,
];

/** The page around the answers: colours, the language switch, question navigation. */
export const guestPageStyles = css`
  :host {
    max-width: 72rem;
    margin: 0 auto;
    padding: var(--t-space-2) var(--t-space-3) var(--t-space-6);
    background: var(--t-bg);
  }
  @media (min-width: 48rem) {
    :host {
      padding: var(--t-space-4) var(--t-space-5) var(--t-space-7);
    }
  }
  nav.languages {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  nav.languages button {
    border: none;
    background: none;
    font-weight: 400;
    letter-spacing: 0.02em;
  }
  nav.languages button[aria-current='true'] {
    font-weight: 700;
  }
  nav.questions ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    list-style: none;
    padding: 0;
    margin: 0 0 0.75rem;
  }
  .sub {
    margin-bottom: 0.25rem;
  }
  .steps {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    margin-top: 1rem;
  }
`;
