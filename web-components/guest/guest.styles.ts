import { css } from 'lit';

/**
 * The hiring manager's page: one column on a phone, large targets, and the same colours as the
 * workspace (contrast ≥ 4.5:1 for text, 3:1 for controls, light and dark). States are never
 * shown by colour alone: the chosen speed and language are bold and underlined too.
 */
export const guestStyles = css`
  :host {
    display: block;
    color: var(--g-text);
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
    font-size: 1.4rem;
  }
  h2 {
    font-size: 1.15rem;
  }
  h3 {
    font-size: 1rem;
    margin-top: 1rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.4rem 0.9rem;
    border-radius: 0.5rem;
    border: 1px solid var(--g-border);
    background: var(--g-bg);
    color: var(--g-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--g-accent);
    border-color: var(--g-accent);
    color: var(--g-accent-text);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button[aria-pressed='true'],
  button[aria-current='true'],
  button[aria-current='step'] {
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    border: 3px solid var(--g-accent);
  }
  :focus-visible {
    outline: 3px solid var(--g-focus);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }
  textarea {
    font: inherit;
    width: 100%;
    color: var(--g-text);
    background: var(--g-bg);
    border: 1px solid var(--g-border);
    border-radius: 0.375rem;
    padding: 0.5rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--g-border);
    border-radius: 0.5rem;
    padding: 0.5rem 0.75rem;
    margin: 0 0 0.75rem;
    min-width: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.5rem;
  }
  .hint,
  .sub {
    color: var(--g-muted);
  }
  .hint {
    font-size: 0.9rem;
  }
  .problem {
    color: var(--g-danger);
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
    font-size: 1.05rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  video {
    display: block;
    width: 100%;
    max-height: 45vh;
    background: #000;
    border-radius: 0.5rem;
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
    font-size: 0.95rem;
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
`;

/** The page around the answers: colours, the language switch, question navigation. */
export const guestPageStyles = css`
  :host {
    --g-bg: #ffffff;
    --g-surface: #f3f5f7;
    --g-text: #1b1f24;
    --g-muted: #4a5360;
    --g-border: #7b8490;
    --g-accent: #0b57d0;
    --g-accent-text: #ffffff;
    --g-danger: #b3261e;
    --g-focus: #0b57d0;
    max-width: 72rem;
    margin: 0 auto;
    padding: 0.5rem 0.75rem 2rem;
    background: var(--g-bg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --g-bg: #14171a;
      --g-surface: #1f2428;
      --g-text: #e8eaed;
      --g-muted: #b8bfc7;
      --g-border: #8a939e;
      --g-accent: #8ab4f8;
      --g-accent-text: #0b1a33;
      --g-danger: #f2b8b5;
      --g-focus: #8ab4f8;
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
