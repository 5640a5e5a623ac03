import { css } from 'lit';

export const recorderStyles = css`
  :host {
    max-width: 60rem;
    margin: 0 auto;
    padding: 1rem;
    font-size: 1rem;
    line-height: 1.5;
  }
  header {
    border-bottom: 1px solid var(--_border);
    margin-bottom: 1rem;
    padding-bottom: 0.75rem;
    display: grid;
    gap: 0.25rem;
  }
  h1 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0;
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
