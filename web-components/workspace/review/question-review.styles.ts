import { css } from 'lit';

export const questionReviewStyles = css`
  .who {
    font-weight: 600;
    margin: 0 0 0.4rem;
  }
  .moves {
    margin-top: 0.5rem;
    justify-content: space-between;
  }
`;
