import { css } from 'lit';

export const recorderStyles = css`
  :host {
    max-width: 60rem;
    margin: 0 auto;
    padding: var(--t-space-4);
    font-family: var(--t-font-sans);
    font-size: var(--t-size-md);
    line-height: var(--t-leading-md);
    color: var(--t-ink);
    background: var(--ir-background, var(--t-bg));
  }
  header {
    border-bottom: 1px solid var(--t-rule);
    margin-bottom: 1rem;
    padding-bottom: 0.75rem;
    display: grid;
    gap: 0.25rem;
  }
  h1 {
    font-family: var(--t-font-serif);
    font-weight: 600;
    font-size: var(--t-size-xl);
    line-height: var(--t-leading-xl);
    letter-spacing: 0.005em;
    margin: 0;
  }
  header p {
    color: var(--_muted);
    font-size: var(--t-size-sm);
  }
  @media (max-width: 30rem) {
    :host {
      padding: 0.75rem;
    }
    h1 {
      font-size: 1.25rem;
    }
  }
`;
