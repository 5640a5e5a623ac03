import { css } from 'lit';

export const welcomeStyles = css`
  .intro {
    white-space: pre-line;
  }
  h3 {
    font-family: var(--t-font-serif);
    font-size: var(--t-size-lg);
    margin: 1.25rem 0 0.5rem;
  }
  ol,
  ul {
    padding-left: 1.25rem;
    margin: 0 0 0.75rem;
  }
  li {
    margin-bottom: 0.25rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--t-radius-lg);
    padding: 0.75rem 1rem 1rem;
    margin: 1.25rem 0 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  .consent {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    font-weight: 600;
  }
  .consent input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.125rem 0 0;
    flex: none;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    margin-top: 0.5rem;
  }
`;
