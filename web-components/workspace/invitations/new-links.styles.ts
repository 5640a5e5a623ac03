import { css } from 'lit';

export const newLinksStyles = css`
  :host {
    display: block;
    border: 2px solid var(--t-accent);
    border-radius: var(--t-radius-lg);
    padding: 1rem;
    margin-bottom: 1rem;
  }
  li {
    margin-bottom: 0.75rem;
  }
  .link {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .link input {
    flex: 1 1 14rem;
    font-family: ui-monospace, monospace;
    font-size: var(--t-size-xs);
  }
`;
