import { css } from 'lit';

export const signInStyles = css`
  :host {
    display: block;
    max-width: 24rem;
    margin: 0 auto;
  }
  form {
    display: flex;
    flex-direction: column;
  }
  input {
    width: 100%;
  }
  .notice {
    border-left: 4px solid var(--t-accent);
    padding: 0.5rem 0.75rem;
    background: var(--t-surface);
    margin: 0 0 1rem;
  }
`;
