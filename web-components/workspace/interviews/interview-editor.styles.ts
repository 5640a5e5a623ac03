import { css } from 'lit';

export const interviewEditorStyles = css`
  :host {
    display: block;
    max-width: 48rem;
  }
  input[type='text'],
  input[type='datetime-local'] {
    width: 100%;
  }
  ol.questions {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
    display: grid;
    gap: 0.75rem;
  }
  .timings {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0 0.75rem;
  }
  .timings input {
    width: 100%;
  }
  ul.advice {
    margin: 0 0 0.5rem;
    padding: 0;
    list-style: none;
  }
  .locked {
    border-left: 4px solid var(--t-warning);
    padding: 0.5rem 0.75rem;
    background: var(--t-surface);
  }
  .actions {
    position: sticky;
    bottom: 0;
    background: var(--t-bg);
    padding: 0.75rem 0;
    border-top: 1px solid var(--t-border);
  }
`;
