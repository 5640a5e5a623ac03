import { css } from 'lit';

export const reviewQueueStyles = css`
  :host {
    display: block;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    margin-bottom: 0.5rem;
  }
  ul {
    display: grid;
    gap: 0.75rem;
  }
  li.card {
    display: grid;
    grid-template-columns: 6rem minmax(0, 1fr) auto;
    gap: 0.25rem 1rem;
    align-items: center;
  }
  li.card h2 {
    font-size: 1.1rem;
    margin: 0;
  }
  li.card p {
    margin: 0;
  }
  .meta {
    color: var(--t-muted);
    font-size: var(--t-size-sm);
  }
  ul.processing {
    gap: 0.25rem;
    margin: 0.35rem 0 0;
  }
  ul.processing li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .question {
    font-weight: 600;
    min-width: 2ch;
  }
  .mine {
    font-weight: 600;
  }
  .thumb {
    width: 6rem;
    aspect-ratio: 16 / 9;
    height: auto;
    object-fit: cover;
    border-radius: 0.35rem;
    background: var(--t-bg);
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    align-self: end;
    margin-bottom: 0.75rem;
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
  }
  .counts {
    margin: 0.5rem 0;
  }
  @media (max-width: 40rem) {
    li.card {
      grid-template-columns: 5rem minmax(0, 1fr);
    }
    .thumb {
      width: 5rem;
    }
    .mine {
      grid-column: 1 / -1;
    }
  }
`;
