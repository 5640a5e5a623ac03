import { css } from 'lit';

export const candidateReviewStyles = css`
  :host {
    display: block;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-bottom: 0.75rem;
  }
  header p {
    margin: 0;
  }
  .progress {
    font-weight: 600;
  }
  nav ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
  }
  nav button[aria-current='true'] {
    border: 3px solid var(--t-accent);
    font-weight: 700;
  }
  /* Phone: the question first, then the video, then the score. Wider: the question and the
     score beside the video. */
  .stage {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'question' 'player' 'rating';
  }
  @media (min-width: 56rem) {
    .stage {
      grid-template-columns: minmax(0, 3fr) minmax(14rem, 2fr);
      grid-template-areas: 'player question' 'player rating';
      grid-template-rows: auto 1fr;
      align-items: start;
    }
  }
  .player {
    grid-area: player;
  }
  .question {
    grid-area: question;
  }
  /* One column inside: the form, the done note and the revealed scores stack at full width.
     (A grid-area on the form itself would open a second, implicit column beside the scores.) */
  .rating {
    grid-area: rating;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
  }
  .prompt {
    font-size: 1.1rem;
    white-space: pre-line;
  }
  .waiting {
    aspect-ratio: 16 / 9;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    text-align: center;
    padding: 1rem;
    background: var(--t-surface);
    border-radius: var(--t-radius-md);
  }
  progress {
    width: min(16rem, 80%);
  }
  .shares {
    margin-top: 2rem;
    max-width: 48rem;
  }
`;
