import { css } from 'lit';

export const resultsPageStyles = css`
  :host {
    display: block;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }
  /* A long option ("Moyenne générale, la plus haute d'abord") must not widen a phone's page. */
  .filters > * {
    min-width: 0;
    max-width: 100%;
  }
  .results {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
  }
  @media (min-width: 56rem) {
    .results {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .pick {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .pick input {
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
  }
  .select-all {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    margin: 0.5rem 0;
  }
  ws-bulk-actions {
    margin: 0 0 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.2rem;
  }
  .meta {
    color: var(--t-muted);
    margin: 0.2rem 0;
    overflow-wrap: anywhere;
  }
  .summary {
    font-weight: 600;
  }
  .complete,
  .incomplete {
    margin: 0.3rem 0;
  }
  .figures {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.2rem 0.75rem;
    margin: 0.5rem 0;
  }
  .figures dt {
    font-weight: 600;
  }
  .figures dd {
    margin: 0;
  }
`;
