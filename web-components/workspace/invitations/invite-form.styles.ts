import { css } from 'lit';

export const inviteFormStyles = css`
  :host {
    display: block;
    margin-bottom: 1rem;
  }
  .one {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0 0.75rem;
    align-items: end;
  }
  .one input {
    width: 100%;
  }
  .one button {
    margin-bottom: 0.75rem;
  }
  textarea {
    font-family: ui-monospace, monospace;
  }
  ul.problems {
    margin: 0.25rem 0 0.5rem;
    padding-left: 1.25rem;
  }
`;
