import { css } from 'lit';

export const newLinksStyles = css`
  :host {
    display: block;
    border: 2px solid var(--ws-accent);
    border-radius: 0.75rem;
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
    font-size: 0.85rem;
  }
`;
