import { css } from 'lit';

export const interviewPageStyles = css`
  :host {
    display: block;
  }
  .intro {
    white-space: pre-line;
  }
  .layout {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
  }
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
    }
  }
  ol.questions li {
    margin-bottom: 0.5rem;
  }
  .meta {
    color: var(--t-muted);
    font-size: var(--t-size-sm);
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .actions {
    margin: 0.75rem 0 1rem;
  }
  .members {
    margin-top: 1.5rem;
    max-width: 60rem;
  }
`;
