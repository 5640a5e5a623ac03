import { css } from 'lit';

export const questionReviewStyles = css`
  .rating {
    grid-area: rating;
    display: grid;
    gap: 1rem;
  }
  .who {
    font-weight: 600;
    margin: 0 0 0.4rem;
  }
  .moves {
    margin-top: 0.5rem;
    justify-content: space-between;
  }
  .guidance {
    white-space: pre-line;
  }
  .competency {
    margin: 0.25rem 0;
  }
  h3 {
    font-size: 1rem;
    margin: 0.75rem 0 0.25rem;
  }
`;
