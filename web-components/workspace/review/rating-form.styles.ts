import { css } from 'lit';

export const ratingFormStyles = css`
  :host {
    display: block;
  }
  .scores {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-bottom: 0.75rem;
  }
  /* With anchors each score is a row: its number, then what an answer at that score looks like. */
  .scores.anchored {
    flex-direction: column;
    flex-wrap: nowrap;
  }
  /* Each option is a positioned label: its hidden radio covers that option only. */
  .option {
    position: relative;
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    font-weight: 400;
    cursor: pointer;
  }
  .anchored .option {
    border: 2px solid var(--t-border);
    border-radius: var(--t-radius-md);
    padding: 0.35rem 0.5rem 0.35rem 0.35rem;
    background: var(--t-bg);
  }
  .option input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
  }
  /* Positioned after the radio, so they paint over it: a click on them goes through the label. */
  .number,
  .anchor {
    position: relative;
  }
  .number {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 2px solid var(--t-border);
    border-radius: var(--t-radius-md);
    font-size: 1.1rem;
    font-weight: 600;
    background: var(--t-bg);
    flex: none;
  }
  .anchor {
    align-self: center;
    font-size: var(--t-size-sm);
  }
  .anchor.missing {
    color: var(--t-muted);
  }
  .option:has(input:checked) .number {
    background: var(--t-accent);
    border-color: var(--t-accent);
    color: var(--t-on-primary);
    font-weight: 700;
  }
  .anchored .option:has(input:checked) {
    border-color: var(--t-accent);
    font-weight: 600;
  }
  /* The check mark repeats the selection for those who cannot see the colour change. Its
     alternative text is empty, so the radio's name stays "4", not "4 ✓". */
  .option:has(input:checked) .number::after {
    content: ' ✓' / '';
  }
  .option:has(input:focus-visible) .number {
    outline: 3px solid var(--t-focus);
    outline-offset: 2px;
  }
  .state {
    min-height: 1.5rem;
    margin: 0.25rem 0 0;
  }
`;
