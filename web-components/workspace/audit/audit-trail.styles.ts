import { css } from 'lit';

export const auditTrailStyles = css`
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    margin-bottom: 1rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 14rem;
    min-width: 0;
  }
  form .hint {
    flex-basis: 100%;
    margin: 0;
  }
  select {
    width: 100%;
    max-width: 100%;
  }
  ol {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  li {
    border-bottom: 1px solid var(--t-border);
    padding: 0.6rem 0;
    overflow-wrap: anywhere;
  }
  .sentence {
    margin: 0;
  }
  .meta {
    color: var(--t-muted);
    font-size: 0.9em;
  }
`;
